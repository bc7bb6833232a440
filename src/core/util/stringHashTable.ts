/**
 * Numbers (0 and up) by a string key each, in typed arrays: an open-addressing table of FNV-1a hashes, for hundreds
 * of thousands of keys, where a `Map` of strings costs several times the memory (about 36 bytes a key, against 5 to
 * 10 here) and its building most of the time. The table holds no key: a slot holds a number, and the subclass's
 * `keyOf` says which key a number has, so every probe is checked against it. Keys of a few kinds (small numbers)
 * share one table.
 */
export abstract class StringHashTable {
  /** Number + 1 for each slot; 0 is empty. */
  private readonly slots: Int32Array;
  /** The kind of the key each slot holds. */
  private readonly kinds: Uint8Array;

  /**
   * @param keys the most keys that will be added: the table has a power of two of slots, at least 4/3 as many, so
   * that at most three slots in four are taken and probes stay short.
   */
  protected constructor(keys: number) {
    let size = 16;
    while (size * 3 < keys * 4) {
      size *= 2;
    }
    this.slots = new Int32Array(size);
    this.kinds = new Uint8Array(size);
  }

  /** The key of `kind` that number `n` has, if any. */
  protected abstract keyOf(n: number, kind: number): string | undefined;

  /**
   * Adds `n` under `key`, unless another number has that key already: the first added keeps it. Returns the number
   * under `key` now.
   */
  protected add(kind: number, key: string, n: number): number {
    const slot = this.slotOf(kind, key);
    if (this.slots[slot] === 0) {
      this.slots[slot] = n + 1;
      this.kinds[slot] = kind;
    }
    return this.slots[slot] - 1;
  }

  /** The number under `key`, or -1. */
  protected findNumber(kind: number, key: string): number {
    return this.slots[this.slotOf(kind, key)] - 1;
  }

  /** The slot that holds this key, or the empty slot where it would go. */
  private slotOf(kind: number, key: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(kind, key) & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot];
      if (found === 0 || (this.kinds[slot] === kind && this.keyOf(found - 1, kind) === key)) {
        return slot;
      }
    }
  }
}

/** FNV-1a over the kind and the key. */
function hash(kind: number, key: string): number {
  let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}
