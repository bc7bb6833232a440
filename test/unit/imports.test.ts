import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ROOT } from './helpers';

const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Each source file's relative imports (type-only ones too), resolved to files, by the file's path under src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, false);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => {
        const base = path.resolve(path.dirname(file), name);
        const found = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => ts.sys.fileExists(f));
        assert.ok(found, `${path.relative(SRC, file)} imports ${name}, which is no source file`);
        return path.relative(SRC, found);
      });
    graph.set(path.relative(SRC, file), targets);
  }
  return graph;
}

/** Every cycle, each once, as the files along it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        found.push([...stack.slice(stack.indexOf(next)), next]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  [...graph.keys()].sort().forEach((file) => state.has(file) || visit(file));
  return found;
}

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('has no cycles, type-only imports included', () => {
    assert.deepEqual(cycles(graph), []);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    assert.deepEqual(cycles(graph), [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('keeps the pure parts (core, shared, page) from importing the VS Code layer (host, features)', () => {
    const layer = (file: string) => file.split(path.sep)[0];
    const wrong = [...graph].flatMap(([file, targets]) =>
      ['core', 'shared', 'page'].includes(layer(file))
        ? targets
            .filter((t) => ['host', 'features'].includes(layer(t)) || !t.includes(path.sep))
            .map((t) => `${file} → ${t}`)
        : [],
    );
    assert.deepEqual(wrong, []);
  });
});
