/**
 * One array for every record with the same categories: a snapshot of 300,000 papers has a few thousand distinct
 * lists (`cs.CL cs.LG`, …), and an array of its own each would cost about a hundred bytes a paper.
 */
export class CategoryLists {
  private readonly lists = new Map<string, readonly string[]>();
  /** One string for each category: lists are many more than categories, and each list split its own copies. */
  private readonly names = new Map<string, string>();

  /** The shared array equal to `categories`. */
  intern(categories: readonly string[]): readonly string[] {
    return this.internJoined(categories.join(' '));
  }

  /** The shared array of the categories in `joined`, separated by single spaces as the snapshot writes them. */
  internJoined(joined: string): readonly string[] {
    let list = this.lists.get(joined);
    if (!list) {
      list = Object.freeze(joined.split(' ').map((name) => this.name(name)));
      this.lists.set(joined, list);
    }
    return list;
  }

  private name(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) {
      return known;
    }
    this.names.set(name, name);
    return name;
  }
}
