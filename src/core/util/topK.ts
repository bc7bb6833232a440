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
  if (k <= 0) {
    return [];
  }
  const byRank = (a: Entry<T>, b: Entry<T>) => b.key - a.key || order(a.item, b.item);
  if (items.length <= k) {
    return Array.from(items, (item) => ({ item, key: key(item) }))
      .sort(byRank)
      .map((e) => e.item);
  }
  const worse = (a: Entry<T>, b: Entry<T>) => byRank(a, b) > 0;
  const heap: Entry<T>[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const value = key(item);
    if (heap.length < k) {
      heap.push({ item, key: value });
      siftUp(heap, heap.length - 1, worse);
    } else if (value > heap[0].key || (value === heap[0].key && order(item, heap[0].item) < 0)) {
      heap[0] = { item, key: value };
      siftDown(heap, 0, worse);
    }
  }
  return heap.sort(byRank).map((e) => e.item);
}

interface Entry<T> {
  readonly item: T;
  readonly key: number;
}

function siftUp<T>(heap: Entry<T>[], i: number, worse: (a: Entry<T>, b: Entry<T>) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i], heap[parent])) {
      return;
    }
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}

function siftDown<T>(heap: Entry<T>[], i: number, worse: (a: Entry<T>, b: Entry<T>) => boolean): void {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && worse(heap[left], heap[smallest])) {
      smallest = left;
    }
    if (right < heap.length && worse(heap[right], heap[smallest])) {
      smallest = right;
    }
    if (smallest === i) {
      return;
    }
    [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
    i = smallest;
  }
}
