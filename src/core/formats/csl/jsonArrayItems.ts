/**
 * The items of a JSON array, each as its own text with its line, found without parsing the whole array: so each
 * item is parsed on its own, a syntax error costs only its item, and a problem can name the item's line.
 */

/** One element of the top-level array. */
export interface JsonArrayItem {
  readonly text: string;
  /** 1-based line of its first character. */
  readonly line: number;
}

/**
 * The elements of the array that `text` holds, one at a time. Scans strings and nesting only; whether each element
 * is valid JSON is for `JSON.parse` to say. Returns (as the generator's value) a message when the text is not an
 * array, or the array is not closed.
 */
export function* jsonArrayItems(text: string): Generator<JsonArrayItem, string | undefined, undefined> {
  let i = 0;
  let line = 1;
  const skipSpace = (): void => {
    for (; i < text.length && /\s/.test(text[i]); i++) {
      if (text[i] === '\n') {
        line++;
      }
    }
  };
  skipSpace();
  if (text[i] !== '[') {
    return 'the file is not a JSON array of CSL items: it does not start with "["';
  }
  i++;
  for (;;) {
    skipSpace();
    if (i >= text.length) {
      return 'the list of items is not closed with "]"';
    }
    if (text[i] === ']') {
      return undefined;
    }
    const start = i;
    const startLine = line;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') {
        line++;
      }
      if (inString) {
        if (c === '\\') {
          i++;
        } else if (c === '"') {
          inString = false;
        }
      } else if (c === '"') {
        inString = true;
      } else if (c === '[' || c === '{') {
        depth++;
      } else if (c === ']' || c === '}') {
        if (depth === 0) {
          break;
        }
        depth--;
      } else if (c === ',' && depth === 0) {
        break;
      }
    }
    yield { text: text.slice(start, i), line: startLine };
    if (text[i] === ',') {
      i++;
    }
  }
}
