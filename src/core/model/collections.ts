/** Readable names for corpus files, whose own names are often opaque (`001_78517978c8eb2ef1.txt`). */
export type CollectionNames = Readonly<Record<string, string>>;

/** The bundled corpus ships a `collections.json` that names each file; anything else is read defensively. */
export function parseCollectionNames(json: string): CollectionNames {
  const names: Record<string, string> = {};
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [file, name] of Object.entries(value)) {
        if (typeof name === 'string' && name.trim()) {
          names[file] = name.trim().slice(0, 100);
        }
      }
    }
  } catch {
    // A broken names file only costs the readable names.
  }
  return names;
}

/**
 * The name shown for a file: its entry in the names file, else its file name
 * without extension, with separators turned into spaces (`my_papers.txt` → `my papers`).
 */
export function collectionName(fileName: string, names: CollectionNames = {}): string {
  const named = names[fileName];
  if (named) {
    return named;
  }
  const base = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[_\s]+/g, ' ')
    .trim();
  return base || fileName;
}
