/**
 * One array for every record with the same categories: a snapshot of 300,000 papers has a few thousand distinct
 * lists (`cs.CL cs.LG`, …), and an array of its own each would cost about a hundred bytes a paper.
 */
export class CategoryLists {
  private readonly lists = new Map<string, readonly string[]>();

  /** The shared array equal to `categories`. */
  intern(categories: readonly string[]): readonly string[] {
    const key = categories.join(' ');
    let list = this.lists.get(key);
    if (!list) {
      list = Object.freeze([...categories]);
      this.lists.set(key, list);
    }
    return list;
  }
}
