/**
 * Looks at one BibTeX entry that the grammar could not read, to say where and why in words, and to repair what
 * exports commonly get wrong and can be read without guessing: a missing key, a missing comma between fields, a
 * value neither braced nor quoted (`ISBN = 1-405-80673-7`), a doubled comma. Fields are walked as BibTeX reads
 * them (https://www.bibtex.org/Format/): `name = value`, values braced, quoted, a number or a macro, joined by `#`.
 */

/** What was repaired, or why the entry cannot be read. Lines count from the entry's `@` line (0). */
export type EntryDiagnosis =
  | {
      readonly kind: 'repaired';
      readonly text: string;
      readonly repairs: readonly LocatedMessage[];
      readonly missingKey: boolean;
    }
  | { readonly kind: 'broken'; readonly problem: LocatedMessage };

export interface LocatedMessage {
  /** 0 for the entry's first line. */
  readonly lineOffset: number;
  readonly message: string;
}

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** The key given to an entry that has none while it is parsed; the reader generates a real one afterwards. */
const MISSING_KEY_PLACEHOLDER = 'paper-explorer:missing-key';

const HEAD = /^@\s*[A-Za-z][\w-]*\s*([{(])/;
const SPACE = /(?:\s|%[^\n]*)*/y;
/** As the grammar's identifier. */
const FIELD_NAME = /[A-Za-z_][\w:+-]*/y;
const FIELD_START = /[A-Za-z_][\w:+-]*\s*=/y;
const KEY = /[^,\s]+/y;
const BARE_VALUE = /[^,#\s{}()"]+/y;
const NUMBER_OR_MACRO = /^(?:-?\d+|[A-Za-z_][\w:+-]*)$/;

/**
 * Walks `text` (one entry from its `@`, with whatever follows it up to the next entry) and returns the entry alone
 * with the repairs made, or the first thing that cannot be repaired.
 */
export function diagnoseEntry(text: string): EntryDiagnosis {
  const edits: Edit[] = [];
  const repairs: LocatedMessage[] = [];
  let missingKey = false;
  let pos = 0;
  const lineOffset = (offset: number): number => {
    let count = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      count++;
    }
    return count;
  };
  const skipSpace = (): void => {
    SPACE.lastIndex = pos;
    SPACE.exec(text);
    pos = SPACE.lastIndex;
  };
  const matchAt = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    return match ? match[0] : undefined;
  };
  const broken = (offset: number, message: string): EntryDiagnosis => ({
    kind: 'broken',
    problem: { lineOffset: lineOffset(offset), message },
  });
  const repair = (offset: number, edit: Edit, message: string): void => {
    edits.push(edit);
    repairs.push({ lineOffset: lineOffset(offset), message });
  };

  const head = HEAD.exec(text);
  if (!head) {
    return broken(0, 'it does not start like an entry, `@type{key, …}`');
  }
  const close = head[1] === '{' ? '}' : ')';
  pos = head[0].length;
  skipSpace();
  if (text[pos] === ',') {
    // Not listed among the repairs: the reader reports the key it generates instead.
    missingKey = true;
    edits.push({ at: pos, remove: 0, insert: MISSING_KEY_PLACEHOLDER });
    pos++;
  } else {
    const key = matchAt(KEY);
    if (key === undefined) {
      return broken(pos, 'it ends before its citation key');
    }
    pos += key.length;
    skipSpace();
    if (text[pos] !== ',') {
      if (matchAt(FIELD_START) === undefined) {
        return broken(pos, `a comma is missing after the key "${key}"`);
      }
      repair(pos, { at: pos, remove: 0, insert: ',' }, `a comma was missing after the key "${key}"`);
    } else {
      pos++;
    }
  }

  for (;;) {
    skipSpace();
    if (pos >= text.length) {
      return broken(0, `it is not closed: no "${close}" ends it before the next entry`);
    }
    const c = text[pos];
    if (c === '}' || c === ')') {
      pos++;
      break;
    }
    if (c === ',') {
      repair(pos, { at: pos, remove: 1, insert: '' }, 'a field was empty (two commas in a row)');
      pos++;
      continue;
    }
    const name = matchAt(FIELD_NAME);
    if (name === undefined) {
      return broken(pos, `a field name was expected where it reads "${excerpt(text, pos)}"`);
    }
    const nameAt = pos;
    pos += name.length;
    skipSpace();
    if (text[pos] !== '=') {
      return broken(nameAt, `the field "${name}" has no "=" after its name`);
    }
    pos++;
    skipSpace();
    let valueEnd = pos;
    for (;;) {
      const valueAt = pos;
      if (text[pos] === '{' || text[pos] === '"') {
        const end = text[pos] === '{' ? closingBrace(text, pos) : closingQuote(text, pos);
        if (end === -1) {
          return broken(valueAt, `the value of "${name}" never ends: a "{" or a quote in it is not closed`);
        }
        pos = end + 1;
      } else {
        const bare = matchAt(BARE_VALUE);
        if (bare === undefined) {
          return broken(valueAt, `the field "${name}" has no value`);
        }
        if (!NUMBER_OR_MACRO.test(bare)) {
          repair(
            valueAt,
            { at: valueAt, remove: bare.length, insert: `{${bare}}` },
            `the value of "${name}" (${bare}) is in neither braces nor quotes; it was read as written`,
          );
        }
        pos += bare.length;
      }
      valueEnd = pos;
      skipSpace();
      if (text[pos] !== '#') {
        break;
      }
      pos++;
      skipSpace();
    }
    if (text[pos] === ',') {
      pos++;
    } else if (text[pos] !== '}' && text[pos] !== ')') {
      if (pos >= text.length) {
        return broken(0, `it is not closed: no "${close}" ends it before the next entry`);
      }
      if (matchAt(FIELD_START) === undefined) {
        return broken(pos, `"${excerpt(text, pos)}" follows the field "${name}" where a comma or "${close}" should`);
      }
      repair(valueEnd, { at: valueEnd, remove: 0, insert: ',' }, `a comma was missing after the field "${name}"`);
    }
  }
  return { kind: 'repaired', text: applyEdits(text.slice(0, pos), edits), repairs, missingKey };
}

/** Index of the `}` that closes the `{` at `open`, or -1; `\{`, `\}` and `\\` do not count, as in the grammar. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

/** Index of the `"` that closes the one at `open`, or -1; quotes inside braces do not close it. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      i = closingBrace(text, i);
      if (i === -1) {
        return -1;
      }
    } else if (c === '"') {
      return i;
    }
  }
  return -1;
}

function excerpt(text: string, pos: number): string {
  const line = text.slice(pos, pos + 30).split('\n')[0];
  return line.length < 30 ? line : `${line}…`;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = '';
  let from = 0;
  for (const edit of edits) {
    result += text.slice(from, edit.at) + edit.insert;
    from = edit.at + edit.remove;
  }
  return result + text.slice(from);
}
