/**
 * The `k` items with the highest keys, best first, without sorting them all:
 * a min-heap of size k, so a prefix that matches 100,000 papers costs
 * O(n log k) rather than a full sort. `order` breaks ties between equal keys
 * (negative: the first ranks higher); without it, which of them are kept
 * depends on the order of `items`.
 */
export function topK<T>(
  items: ArrayLike<T> & Iterable<T>,
  key: (item: T) => number,
  k: number,
  order: (a: T, b: T) => number = () => 0,
): T[] {
  if (items.length <= k) {
    return k <= 0
      ? []
      : best(
          Array.from(items, (item) => key(item)),
          Array.from(items),
          order,
        );
  }
  const heap = new Heap(k, order);
  for (let i = 0; i < items.length; i++) {
    heap.offer(key(items[i]), items[i]);
  }
  return heap.best();
}

/**
 * `topK` of numbers (document numbers, say) whose keys are already worked out, `keys[i]` being that of `items[i]`.
 * A key function called for each of the hundreds of thousands of papers a prefix matches, from a call site that
 * sees many such functions, returns each key as a new heap object: megabytes of garbage a query, and a garbage
 * collection every query or two.
 */
export function topKByKeys(
  items: ArrayLike<number>,
  keys: ArrayLike<number>,
  k: number,
  order: (a: number, b: number) => number = () => 0,
): number[] {
  if (items.length <= k) {
    return k <= 0
      ? []
      : best(
          Array.from({ length: items.length }, (_, i) => keys[i]),
          Array.from(items),
          order,
        );
  }
  const heap = new Heap(k, order);
  for (let i = 0; i < items.length; i++) {
    heap.offer(keys[i], items[i]);
  }
  return heap.best();
}

/** Items best first: highest key, then `order`; items that tie on both keep their order in the lists. */
function best<T>(keys: readonly number[], items: readonly T[], order: (a: T, b: T) => number): T[] {
  return Array.from(items.keys())
    .sort((a, b) => keys[b] - keys[a] || order(items[a], items[b]))
    .map((i) => items[i]);
}

/** A min-heap of at most `size` keyed items, the worst on top; keys and items in two arrays, so an offer allocates nothing. */
class Heap<T> {
  private readonly keys: number[] = [];
  private readonly items: T[] = [];

  constructor(
    private readonly size: number,
    private readonly order: (a: T, b: T) => number,
  ) {}

  offer(key: number, item: T): void {
    const { keys, items } = this;
    if (keys.length < this.size) {
      keys.push(key);
      items.push(item);
      this.siftUp(keys.length - 1);
    } else if (key > keys[0] || (key === keys[0] && this.order(item, items[0]) < 0)) {
      keys[0] = key;
      items[0] = item;
      this.siftDown(0);
    }
  }

  best(): T[] {
    return best(this.keys, this.items, this.order);
  }

  /** Whether entry i ranks below entry j. */
  private worse(i: number, j: number): boolean {
    return (this.keys[j] - this.keys[i] || this.order(this.items[i], this.items[j])) > 0;
  }

  private swap(i: number, j: number): void {
    const { keys, items } = this;
    const key = keys[i];
    const item = items[i];
    keys[i] = keys[j];
    items[i] = items[j];
    keys[j] = key;
    items[j] = item;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) {
        return;
      }
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const length = this.keys.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < length && this.worse(left, smallest)) {
        smallest = left;
      }
      if (right < length && this.worse(right, smallest)) {
        smallest = right;
      }
      if (smallest === i) {
        return;
      }
      this.swap(smallest, i);
      i = smallest;
    }
  }
}
