// This file reads SearchableMap's internal tree (`_tree`: nested Maps, the empty label for a term's value), which
// MiniSearch does not promise to keep: package.json pins minisearch to one exact version, and
// test/unit/dictionary.test.ts, which compares every lookup with SearchableMap's own, fails if an upgrade changes it.
import SearchableMap from 'minisearch/SearchableMap';

/**
 * The term dictionary: MiniSearch's radix tree (`SearchableMap`), whose
 * exact and prefix lookups are MiniSearch's own and whose typo lookup is its
 * algorithm run on the arrays (see `fuzzyTerms`), kept in flat arrays.
 * SearchableMap builds its tree out of nested `Map`s, one per node: some
 * 300,000 of them at 100,000 abstracts. Held for as long as the index is, they
 * made every full garbage collection in the extension host mark them all,
 * which was its longest pause while indexing a large library. So the tree is
 * built with `Map`s (on the index worker, mostly), laid out in four arrays,
 * and read through small views that answer SearchableMap as its `Map`s would.
 */

/**
 * The radix tree in arrays, nodes in breadth-first order from the root (node
 * 0). Node n's entries are `nodeStarts[n]` up to `nodeStarts[n + 1]`, in the
 * order SearchableMap made them. Entry e's label is `labels` from where the
 * previous entry's label ends up to `labelEnds[e]`. An entry with an empty
 * label ends a term, and its value is the term's id; any other entry is an
 * edge, and its value is the node it leads to, which comes after its parent.
 */
export interface FlatDictionary {
  readonly nodeStarts: Uint32Array;
  readonly values: Uint32Array;
  readonly labelEnds: Uint32Array;
  readonly labels: string;
}

/** What SearchableMap's lookups (`get`, `atPrefix`, `fuzzyGet`) and `prefixTerms` ask of a node of its tree. */
interface RadixNode {
  keys(): Iterable<string>;
  values(): Iterable<number | RadixNode>;
  get(label: string): number | RadixNode | undefined;
}

/** SearchableMap's own tree, while it is being built: edges by label, and the term id under the empty label at the end of a term. */
type RadixTree = Map<string, number | RadixTree>;

/** The dictionary of `terms`, term ids being positions in the list; built in slices of `sliceSize` terms or nodes. */
export function* dictionarySteps(terms: readonly string[], sliceSize = 5000): Generator<void, FlatDictionary> {
  const map = new SearchableMap<number>();
  for (let start = 0; start < terms.length; start += sliceSize) {
    const end = Math.min(start + sliceSize, terms.length);
    for (let id = start; id < end; id++) {
      map.set(terms[id], id);
    }
    yield;
  }
  return yield* flattenSteps(map._tree as RadixTree, sliceSize);
}

function* flattenSteps(root: RadixTree, sliceSize: number): Generator<void, FlatDictionary> {
  const queue: RadixTree[] = [root];
  const nodeStarts = [0];
  const values: number[] = [];
  const labelEnds: number[] = [];
  const labels: string[] = [];
  let labelLength = 0;
  for (let node = 0; node < queue.length; node++) {
    for (const [label, child] of queue[node]) {
      labels.push(label);
      labelLength += label.length;
      labelEnds.push(labelLength);
      if (typeof child === 'number') {
        values.push(child);
      } else {
        values.push(queue.length);
        queue.push(child);
      }
    }
    nodeStarts.push(values.length);
    if (node % sliceSize === sliceSize - 1) {
      yield;
    }
  }
  return {
    nodeStarts: Uint32Array.from(nodeStarts),
    values: Uint32Array.from(values),
    labelEnds: Uint32Array.from(labelEnds),
    labels: labels.join(''),
  };
}

/**
 * Whether arrays read from a cache make a tree that lookups can walk: every
 * range and label in bounds, every term id below `termCount`, and every edge
 * leading further down (so that no walk can go round in a circle).
 */
export function* validDictionarySteps(
  flat: FlatDictionary,
  termCount: number,
  sliceSize = 1 << 15,
): Generator<void, boolean> {
  const { nodeStarts, values, labelEnds, labels } = flat;
  const nodeCount = nodeStarts.length - 1;
  const entryCount = values.length;
  if (nodeCount < 1 || nodeStarts[0] !== 0 || nodeStarts[nodeCount] !== entryCount || labelEnds.length !== entryCount) {
    return false;
  }
  if ((entryCount > 0 ? labelEnds[entryCount - 1] : 0) !== labels.length) {
    return false;
  }
  for (let start = 0; start < nodeCount; start += sliceSize) {
    if (!validNodes(flat, termCount, start, Math.min(start + sliceSize, nodeCount))) {
      return false;
    }
    yield;
  }
  return true;
}

/** `validDictionarySteps` for nodes `from` up to `to`; a plain function, which V8 compiles better than loops inside a generator. */
function validNodes(
  { nodeStarts, values, labelEnds }: FlatDictionary,
  termCount: number,
  from: number,
  to: number,
): boolean {
  const nodeCount = nodeStarts.length - 1;
  for (let node = from; node < to; node++) {
    if (nodeStarts[node + 1] < nodeStarts[node]) {
      return false;
    }
    for (let entry = nodeStarts[node]; entry < nodeStarts[node + 1]; entry++) {
      const labelStart = entry === 0 ? 0 : labelEnds[entry - 1];
      if (labelEnds[entry] < labelStart) {
        return false;
      }
      const value = values[entry];
      if (labelEnds[entry] === labelStart ? value >= termCount : value <= node || value >= nodeCount) {
        return false;
      }
    }
  }
  return true;
}

/** A node of a flat dictionary, read as SearchableMap reads the `Map` it stands for. Views are made as a lookup walks down and dropped after it. */
class FlatNode implements RadixNode {
  /** The entry whose label `keys` gave last: SearchableMap asks for the child under the label it was just given. */
  private last = -1;

  constructor(
    private readonly flat: FlatDictionary,
    private readonly node: number,
  ) {}

  *keys(): Generator<string> {
    const { nodeStarts, labelEnds, labels } = this.flat;
    for (let entry = nodeStarts[this.node]; entry < nodeStarts[this.node + 1]; entry++) {
      this.last = entry;
      yield labels.slice(this.labelStart(entry), labelEnds[entry]);
    }
  }

  *values(): Generator<number | FlatNode> {
    const { nodeStarts } = this.flat;
    for (let entry = nodeStarts[this.node]; entry < nodeStarts[this.node + 1]; entry++) {
      yield this.valueAt(entry);
    }
  }

  get(label: string): number | FlatNode | undefined {
    const entry = this.find(label);
    return entry < 0 ? undefined : this.valueAt(entry);
  }

  private find(label: string): number {
    if (this.last >= 0 && this.labelIs(this.last, label)) {
      return this.last;
    }
    const { nodeStarts } = this.flat;
    for (let entry = nodeStarts[this.node]; entry < nodeStarts[this.node + 1]; entry++) {
      if (this.labelIs(entry, label)) {
        return entry;
      }
    }
    return -1;
  }

  private labelIs(entry: number, label: string): boolean {
    const start = this.labelStart(entry);
    return this.flat.labelEnds[entry] - start === label.length && this.flat.labels.startsWith(label, start);
  }

  private labelStart(entry: number): number {
    return entry === 0 ? 0 : this.flat.labelEnds[entry - 1];
  }

  private valueAt(entry: number): number | FlatNode {
    const value = this.flat.values[entry];
    return this.flat.labelEnds[entry] === this.labelStart(entry) ? value : new FlatNode(this.flat, value);
  }
}

/** Term lookups in a flat dictionary: by MiniSearch's `SearchableMap`, walking the arrays through views of its nodes. */
export class TermDictionary {
  private readonly map: SearchableMap<number>;

  constructor(readonly flat: FlatDictionary) {
    this.map = new SearchableMap<number>(
      new FlatNode(flat, 0) as unknown as ConstructorParameters<typeof SearchableMap<number>>[0],
    );
  }

  termId(term: string): number | undefined {
    return this.map.get(term);
  }

  /** Terms that start with `prefix` (the prefix itself included), as term ids. */
  prefixTerms(prefix: string): number[] {
    // The same order as iterating `atPrefix(prefix).values()` (each node's entries last to first), without its per-node arrays and iterator objects.
    const found: number[] = [];
    const visit = (node: RadixNode) => {
      const entries = [...node.values()];
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i];
        if (typeof entry === 'number') {
          found.push(entry);
        } else {
          visit(entry);
        }
      }
    };
    visit(this.map.atPrefix(prefix)._tree as unknown as RadixNode);
    return found;
  }

  /**
   * Terms within `distance` edits of `term`, with their distances: SearchableMap's `fuzzyGet` (its walk and its
   * Levenshtein matrix, giving the same terms in the same order) done on the arrays themselves. Through the views,
   * every node it visited made a view, a generator and a string for each label, and a typo lookup of distance 2
   * visits thousands of nodes: half of all a multi-word query allocated at 300,000 papers.
   */
  fuzzyTerms(term: string, distance: number): [number, number][] {
    const found: [number, number][] = [];
    // Columns: the query's characters and one more; rows: a term can be at most `distance` characters longer.
    const columns = term.length + 1;
    const rows = columns + distance;
    const matrix = new Uint8Array(rows * columns).fill(distance + 1);
    for (let j = 0; j < columns; j++) {
      matrix[j] = j;
    }
    for (let i = 1; i < rows; i++) {
      matrix[i * columns] = i;
    }
    this.fuzzyWalk(0, term, distance, matrix, 1, columns, found);
    return found;
  }

  /** SearchableMap's `recurse` for `fuzzyGet`, at node `node` whose first label character is row `row` of the matrix. */
  private fuzzyWalk(
    node: number,
    query: string,
    distance: number,
    matrix: Uint8Array,
    row: number,
    columns: number,
    found: [number, number][],
  ): void {
    const { nodeStarts, values, labelEnds, labels } = this.flat;
    entries: for (let entry = nodeStarts[node]; entry < nodeStarts[node + 1]; entry++) {
      const start = entry === 0 ? 0 : labelEnds[entry - 1];
      const end = labelEnds[entry];
      if (start === end) {
        const termDistance = matrix[row * columns - 1];
        if (termDistance <= distance) {
          found.push([values[entry], termDistance]);
        }
        continue;
      }
      let i = row;
      for (let at = start; at < end; at++, i++) {
        const char = labels.charCodeAt(at);
        const thisRow = columns * i;
        const previousRow = thisRow - columns;
        let minDistance = matrix[thisRow];
        const jmin = Math.max(0, i - distance - 1);
        const jmax = Math.min(columns - 1, i + distance);
        for (let j = jmin; j < jmax; j++) {
          const replace = matrix[previousRow + j] + (char !== query.charCodeAt(j) ? 1 : 0);
          const remove = matrix[previousRow + j + 1] + 1;
          const insert = matrix[thisRow + j] + 1;
          const cell = (matrix[thisRow + j + 1] = Math.min(replace, remove, insert));
          if (cell < minDistance) {
            minDistance = cell;
          }
        }
        // Distances only grow further down: no term below this edge is close enough.
        if (minDistance > distance) {
          continue entries;
        }
      }
      this.fuzzyWalk(values[entry], query, distance, matrix, i, columns, found);
    }
  }
}
