import type { BibliographicFields, PersonName, PublicationDate } from '../model/bibliographic';
import type { PaperDate } from '../model/dates';
import { CategoryLists } from './arxiv/categoryLists';
import type { ParsedEntry } from './parse';

/**
 * One object for each distinct value that many entries share: a category list, a day, a person's name. Entries
 * from the read worker come as separate objects even where they could share one, and at 300,000 papers that costs
 * tens of megabytes, so they are shared here, on the receiving thread, which owns them.
 */
export class SharedValues {
  private readonly lists = new CategoryLists();
  private readonly dates = new Map<string, PaperDate>();
  private readonly days = new Map<string, PublicationDate>();
  private readonly names = new Map<string, PersonName>();

  /** The entry, its values replaced by the shared ones in place. */
  entry(entry: ParsedEntry): ParsedEntry {
    const mutable = entry as { date?: PaperDate; bibliographic?: Mutable<BibliographicFields> };
    const fields = mutable.bibliographic;
    if (fields?.categories) {
      fields.categories = this.categories(fields.categories);
    }
    if (fields?.authors) {
      const authors = fields.authors as PersonName[];
      for (let i = 0; i < authors.length; i++) {
        authors[i] = this.name(authors[i]);
      }
    }
    if (fields?.issued) {
      fields.issued = this.issued(fields.issued);
    }
    if (mutable.date) {
      mutable.date = this.date(mutable.date);
    }
    return entry;
  }

  categories(list: readonly string[]): readonly string[] {
    return this.lists.intern(list);
  }

  /** `categories` of a list written as the snapshot writes it, `cs.CL cs.LG`: split only the first time it is seen. */
  joinedCategories(joined: string): readonly string[] {
    return this.lists.internJoined(joined);
  }

  name(name: PersonName): PersonName {
    const { family, given, particle, suffix, literal } = name;
    return shared(this.names, `${family}\u0000${given}\u0000${particle}\u0000${suffix}\u0000${literal}`, name);
  }

  issued(issued: PublicationDate): PublicationDate {
    return shared(this.days, `${issued.year}-${issued.month}-${issued.day}`, issued);
  }

  date(date: PaperDate): PaperDate {
    return shared(this.dates, date.text, date);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The value already known under `key`, or `value`, now known under it. */
function shared<T>(known: Map<string, T>, key: string, value: T): T {
  const found = known.get(key);
  if (found !== undefined) {
    return found;
  }
  known.set(key, value);
  return value;
}
