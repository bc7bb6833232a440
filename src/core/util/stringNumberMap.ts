import { StringHashTable } from './stringHashTable';

/**
 * A number by string key, made for a known most keys: a `StringHashTable` over the keys in the order they were
 * added. A `Map` grows by rehashing every key in one call, 10–16 ms at 300,000 keys, which a step generator cannot
 * yield in; this table never grows. Keys of a few kinds (small numbers, 0 by default) are apart: one string can be
 * a key of two kinds.
 */
export class StringNumberMap extends StringHashTable {
  private readonly keys: string[] = [];
  private readonly values: Int32Array;

  /** @param most the most keys that will be set (of all kinds); a key beyond it throws a `RangeError`. */
  constructor(private readonly most: number) {
    super(most);
    this.values = new Int32Array(most);
  }

  get size(): number {
    return this.keys.length;
  }

  get(key: string, kind = 0): number | undefined {
    const n = this.findNumber(kind, key);
    return n < 0 ? undefined : this.values[n];
  }

  has(key: string, kind = 0): boolean {
    return this.findNumber(kind, key) >= 0;
  }

  /** Sets the number under `key`, adding the key if it is new. */
  set(key: string, value: number, kind = 0): this {
    const added = this.keys.length;
    if (added === this.most && !this.has(key, kind)) {
      throw new RangeError(`more than the ${this.most} keys this map was made for`);
    }
    const n = this.add(kind, key, added);
    if (n === added) {
      this.keys.push(key);
    }
    this.values[n] = value;
    return this;
  }

  protected keyOf(n: number): string {
    return this.keys[n];
  }
}
