/**
 * The `k` items with the highest keys, best first, without sorting them all:
 * a min-heap of size k, so a prefix that matches 100,000 papers costs
 * O(n log k) rather than a full sort.
 */
export function topK<T>(items: readonly T[], key: (item: T) => number, k: number): T[] {
  if (k <= 0) {
    return [];
  }
  if (items.length <= k) {
    return [...items].sort((a, b) => key(b) - key(a));
  }
  const heap: { item: T; key: number }[] = [];
  for (const item of items) {
    const value = key(item);
    if (heap.length < k) {
      heap.push({ item, key: value });
      siftUp(heap, heap.length - 1);
    } else if (value > heap[0].key) {
      heap[0] = { item, key: value };
      siftDown(heap, 0);
    }
  }
  return heap.sort((a, b) => b.key - a.key).map((e) => e.item);
}

function siftUp(heap: { key: number }[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent].key <= heap[i].key) {
      return;
    }
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
}

function siftDown(heap: { key: number }[], i: number): void {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let smallest = i;
    if (left < heap.length && heap[left].key < heap[smallest].key) {
      smallest = left;
    }
    if (right < heap.length && heap[right].key < heap[smallest].key) {
      smallest = right;
    }
    if (smallest === i) {
      return;
    }
    [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
    i = smallest;
  }
}
