import { runSteps, sortSteps, StepCounter } from '../util/steps';
import { untitledLabel } from '../model/label';
import type { CorpusProblem, MergeKeys, ParsedCorpus, ParsedEntry } from '../formats/parse';
import type { Collection, FileProblem, Library, Paper } from '../model/paper';
import { texToPlainText, texToUnicode } from '../text/tex';
import { foldCase, stripTex, textKey, textKeyCodes } from '../text/text';
import { citationKeyBase, suffixedCitationKey, uniqueCitationKey } from '../cite/citationKey';
import { doiKey } from '../model/identifiers';
import { abstractLength, withFields, WithStoredAbstract, type StoredAbstract } from '../model/storedAbstract';
import { libraryKey } from './libraryKey';
import { PapersById } from './papersById';
import { StringNumberMap } from '../util/stringNumberMap';
import type { MergePlan } from './mergePlan';

/** One parsed file and the collection it becomes. */
export interface LibraryFile {
  readonly id: string;
  readonly name: string;
  readonly parsed: ParsedCorpus;
  /**
   * The kept-records file its stored abstracts are read from, if any (`formats/keptRecords`), and whether the
   * records came from it as an earlier read left it, without reading the file itself.
   */
  readonly keptRecords?: { readonly path: string; readonly reused: boolean };
  /**
   * Names what was parsed: two reads with one key gave the same entries (the SHA-256 of the file's bytes, or the key
   * of its kept records). A library whose files all have one has a key too (`Library.key`).
   */
  readonly contentKey?: string;
}

/** A file that could not be read at all (empty, binary, undecodable, missing). */
export interface UnreadableFile {
  readonly id: string;
  readonly problem: CorpusProblem;
}

const LINK = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** One list for the many abstracts without links, rather than an empty array each. */
const NO_LINKS: readonly string[] = Object.freeze([]);
const NO_COLLECTIONS: readonly string[] = Object.freeze([]);
const CODE_HOSTS = /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|gitee\.com|codeberg\.org)\//i;

interface Draft {
  id: string;
  /** Its place among the merge's drafts, in the order they were made. */
  index: number;
  /** Where it was first listed, in file order: `fileIndex * 1e7 + entryIndex`. */
  order: number;
  title?: string;
  /** `mergeKeys` of the entry that gave the title. */
  titleKeys?: MergeKeys;
  /** The entry with the longest abstract, which the paper keeps; its length, without reading a stored one. */
  abstractFrom?: ParsedEntry;
  abstractLength: number;
  /** Its `mergeKeys`, for the links. */
  abstractKeys?: MergeKeys;
  /** `citationKeyBase` of the paper's only entry: a second entry may bring other authors or another year. */
  keyBase?: string;
  entries: number;
  /** Shared by every paper of one file until a second file lists it too. */
  collections: readonly string[];
  authors?: number;
  organization?: string;
  date?: Paper['date'];
  upvotes?: number;
  bibliographic?: Paper['bibliographic'];
  /** Where the paper was first listed, for a note about another paper with its title. */
  firstFile: LibraryFile;
  firstLine: number;
}

/**
 * Merges the entries of every file into distinct papers (the rule is in the
 * README, "Duplicates"). A paper listed by several files becomes one paper
 * that belongs to every collection it came from: entries are one paper when
 * they share a DOI or an arXiv id, when their titles have the same key (case,
 * accents, spacing, punctuation and TeX aside, but symbols kept: `C` and `C++`
 * differ) and their abstracts are copies of one abstract (see
 * `sameAbstract`), or when an untitled entry's abstract is a titled paper's.
 * Titles that match over abstracts that clearly differ stay two papers, and a
 * note in `problems` says so; no entry is lost. Every paper gets a citation
 * key: its file's own, or one generated in the common style and unique in the
 * library.
 */
export function buildLibrary(read: readonly (LibraryFile | UnreadableFile)[]): Library {
  return runSteps(buildLibrarySteps(read));
}

/** Entries or papers handled between two yields of `buildLibrarySteps`: a few milliseconds of work. */
const STEP_SIZE = 500;
/**
 * What an entry of a file read on this thread counts for in a step, against 1 for one the read worker gave merge keys:
 * its keys are worked out here (`mergeKeys`, 15–90 µs an entry, the first calls the most, where a look-up takes
 * 1–2 µs), and the bundled abstracts share titles, so it is compared by abstract more often.
 */
const WORKED_OUT_KEYS = 20;
/** The kinds of key a draft is looked up by while merging (`StringNumberMap`). */
const BY_TITLE = 0;
const BY_DOI = 1;
const BY_ARXIV_ID = 2;
const BY_ABSTRACT = 3;

/** `buildLibrary` a few thousand entries at a time, for a caller that must yield to the event loop between them. */
export function* buildLibrarySteps(read: readonly (LibraryFile | UnreadableFile)[]): Generator<void, Library> {
  return (yield* mergeLibrarySteps(read)).library;
}

/**
 * `buildLibrarySteps`, with the plan of the merge (`MergePlan`) when the library has a key. Given `plan`, the plan
 * of an earlier merge of files with the same key, it is replayed rather than worked out again (`replayed`); a plan
 * for other files, or one that does not fit them, is ignored. Either way the library is the one `buildLibrary` makes.
 */
export function* mergeLibrarySteps(
  read: readonly (LibraryFile | UnreadableFile)[],
  plan?: MergePlan,
): Generator<void, { library: Library; plan?: MergePlan; replayed: boolean }> {
  const files = read.filter(isReadable);
  const unreadable = read.filter((f): f is UnreadableFile => !isReadable(f));
  const key = libraryKey(files);
  const replayed = plan && plan.key === key ? yield* replaySteps(files, plan) : undefined;
  const merged = replayed ?? (yield* mergeSteps(files, key));
  const { papers, notes } = merged;
  let untitledCount = 0;
  for (let i = 0; i < papers.length; i++) {
    untitledCount += papers[i].title === undefined ? 1 : 0;
    if (i % STEP_SIZE === STEP_SIZE - 1) {
      yield;
    }
  }
  const labelNumbers = merged.labelNumbers ?? (untitledCount > 0 ? yield* uniqueLabelNumbers(papers) : new Map());
  for (const [i, n] of labelNumbers) {
    papers[i] = withFields(papers[i], { label: `${papers[i].label} (${n})` });
  }
  const collections: Collection[] = files.map((f) => ({
    id: f.id,
    name: f.name,
    format: f.parsed.format,
    entries: f.parsed.entries.length,
    ...(f.parsed.counts && { records: f.parsed.counts }),
  }));
  const problems: FileProblem[] = [
    ...unreadable.map((u) => ({ collection: u.id, ...u.problem })),
    ...files.flatMap((f) => f.parsed.problems.map((p) => ({ collection: f.id, ...p }))),
    ...notes,
  ];
  const byId = yield* PapersById.buildSteps(papers);
  const library: Library = {
    papers,
    collections,
    byId,
    entryCount: files.reduce((n, f) => n + f.parsed.entries.length, 0),
    untitledCount,
    problems,
    ...(key !== undefined && { key }),
  };
  return { library, ...(merged.plan && { plan: { ...merged.plan, labelNumbers } }), replayed: replayed !== undefined };
}

/** What a merge made: the papers in library order, their labels not yet told apart. */
interface Merged {
  readonly papers: Paper[];
  readonly notes: readonly FileProblem[];
  /** Known when a plan was replayed; otherwise worked out from the papers' labels. */
  readonly labelNumbers?: ReadonlyMap<number, number>;
  /** The plan of this merge (its label numbers are the library's), when the library has a key. */
  readonly plan?: Omit<MergePlan, 'labelNumbers'>;
}

/**
 * Each file's first entry's number among all files' entries, one after another, and then the number of entries in
 * all (one more number than files).
 */
function entryOffsets(files: readonly LibraryFile[]): number[] {
  const offsets = [0];
  for (const file of files) {
    offsets.push(offsets[offsets.length - 1] + file.parsed.entries.length);
  }
  return offsets;
}

/**
 * Titled entries first, so an untitled copy anywhere finds the titled paper it belongs to. Looked for in steps: at
 * 300,000 entries strewn over the heap, one look at each held the thread for 30 ms.
 */
function* passesSteps(files: readonly LibraryFile[]): Generator<void, readonly boolean[]> {
  const counter = new StepCounter(STEP_SIZE);
  for (const file of files) {
    for (const entry of file.parsed.entries) {
      if (!entry.title) {
        return [true, false];
      }
      if (counter.count()) {
        yield;
      }
    }
  }
  return [true];
}

/**
 * Calls `visit` with every entry in the order merging takes them: the passes of `passesSteps`, each in file order,
 * a few hundred entries a step. Merging and replaying a plan walk this one order, so that a replayed entry goes
 * where the merge put it. Stops at the first `visit` that returns false, and returns false then.
 */
function* inMergeOrderSteps(
  files: readonly LibraryFile[],
  passes: readonly boolean[],
  visit: (entry: ParsedEntry, fileIndex: number, entryIndex: number, inFile: readonly [string]) => boolean | void,
): Generator<void, boolean> {
  const counter = new StepCounter(STEP_SIZE);
  for (const titled of passes) {
    for (let fileIndex = 0; fileIndex < files.length; fileIndex++) {
      const entries = files[fileIndex].parsed.entries;
      const inFile = Object.freeze([files[fileIndex].id] as const);
      for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
        const entry = entries[entryIndex];
        if (counter.count(entry.mergeKeys ? 1 : WORKED_OUT_KEYS)) {
          yield;
        }
        if (!entry.title === !titled && visit(entry, fileIndex, entryIndex, inFile) === false) {
          return false;
        }
      }
    }
  }
  return true;
}

/** The merge worked out, and with `key`, its plan recorded. */
function* mergeSteps(files: readonly LibraryFile[], key: string | undefined): Generator<void, Merged> {
  const notes: FileProblem[] = [];
  const drafts: Draft[] = [];
  const offsets = entryOffsets(files);
  const order = yield* passesSteps(files);
  const { keysOf, wanted, lookups } = yield* keysAndWantedAbstracts(files);
  // Drafts by title id, DOI, arXiv id and abstract id, in a table made for every key the entries have (a `Map` of
  // 300,000 grew by rehashing all of them in one step). Keyed by the ids that the keys hash to and by the DOIs and
  // arXiv ids themselves: short strings the entries have, where a title key would be a long new string an entry.
  const draftBy = new StringNumberMap(lookups);
  const draftUnder = (kind: number, id: string | undefined) => {
    const index = id === undefined ? undefined : draftBy.get(id, kind);
    return index === undefined ? undefined : drafts[index];
  };
  // A title almost always has one paper: the papers after the first under a title are listed here.
  const moreUnderTitle = new Map<string, Draft[]>();
  // Recorded for the plan by the drafts' places in `drafts`, turned into places in the library at the end.
  const paperOfEntry = key === undefined ? undefined : new Int32Array(offsets[files.length]);
  const ids = new Map<number, string>();
  yield* inMergeOrderSteps(files, order, (entry, fileIndex, entryIndex, inFile) => {
    const file = files[fileIndex];
    const place = fileIndex * 1e7 + entryIndex;
    const keys = keysOf[fileIndex][entryIndex];
    const titleId = keys.titleId;
    // Abstracts are only compared to find the paper of an entry without a title id: only those ids are wanted.
    const abstractId = !titleId || wanted.size > 0 ? (keys.abstractId ?? abstractKeyId(entry.abstract)) : undefined;
    const doi = entry.bibliographic?.doi;
    const doiId = doi === undefined ? undefined : doiKey(doi);
    const arxivId = entry.bibliographic?.arxivId;
    // The same DOI or arXiv id is the same paper, however its title was written; only an untitled copy is
    // matched by its abstract: two titled papers are never merged on text alone.
    const firstUnderTitle = titleId ? draftUnder(BY_TITLE, titleId) : undefined;
    const sameTitle = firstUnderTitle && [firstUnderTitle, ...(moreUnderTitle.get(titleId!) ?? [])];
    // Looked up once: the paper found is the answer, and none found means the key is the draft's to take.
    const underDoi = draftUnder(BY_DOI, doiId);
    const underArxivId = draftUnder(BY_ARXIV_ID, arxivId);
    const existing =
      underDoi ??
      underArxivId ??
      (titleId
        ? sameTitle?.find((d) => sameAbstract(draftAbstract(d), entry.abstract))
        : abstractId
          ? draftUnder(BY_ABSTRACT, abstractId)
          : undefined);
    const clash = existing ? undefined : sameTitle?.[0];
    // An abstract with no letter or digit has no key: its place in the files tells it apart. A second paper
    // with a title already taken is told apart by its abstract too.
    const id = clash
      ? paperId('t:', `${titleId}:${textKey(entry.abstract)}`)
      : (titleId ?? abstractId ?? paperId('o:', String(place)));
    const draft = existing ?? newDraft(id, drafts.length, place, file, entry.line);
    if (!existing) {
      drafts.push(draft);
      if (id !== titleId) {
        ids.set(draft.index, id);
      }
      if (titleId && !sameTitle) {
        draftBy.set(titleId, draft.index, BY_TITLE);
      } else if (titleId) {
        moreUnderTitle.set(titleId, [...sameTitle!.slice(1), draft]);
      }
      if (clash) {
        notes.push({
          collection: file.id,
          line: entry.line,
          message: `same title as the paper first listed in ${clash.firstFile.name}, line ${clash.firstLine}, but a different abstract: kept as a separate paper`,
        });
      }
    }
    mergeEntry(draft, inFile, entry, keys, place);
    if (paperOfEntry) {
      paperOfEntry[offsets[fileIndex] + entryIndex] = draft.index;
    }
    if (doiId !== undefined && underDoi === undefined) {
      draftBy.set(doiId, draft.index, BY_DOI);
    }
    if (arxivId !== undefined && underArxivId === undefined) {
      draftBy.set(arxivId, draft.index, BY_ARXIV_ID);
    }
    if (abstractId && wanted.has(abstractId) && !draftBy.has(abstractId, BY_ABSTRACT)) {
      draftBy.set(abstractId, draft.index, BY_ABSTRACT);
    }
  });
  // Titled papers were made in file order, then untitled ones: each goes where it stands in the files.
  const ordered = order.length > 1 ? yield* inFileOrder(drafts) : drafts;
  const { citationKeys, suffixes } = yield* citationKeysSteps(ordered);
  const papers: Paper[] = [];
  for (let i = 0; i < ordered.length; i++) {
    papers.push(toPaper(ordered[i], citationKeys[i]));
    if (papers.length % STEP_SIZE === 0) {
      yield;
    }
  }
  if (key === undefined || !paperOfEntry) {
    return { papers, notes };
  }
  const placeOf = new Int32Array(ordered.length);
  ordered.forEach((draft, place) => (placeOf[draft.index] = place));
  for (let i = 0; i < paperOfEntry.length; i++) {
    paperOfEntry[i] = placeOf[paperOfEntry[i]];
  }
  const plan = {
    key,
    entryCounts: files.map((f) => f.parsed.entries.length),
    paperOfEntry,
    citationKeySuffixes: suffixes,
    ids: new Map([...ids].map(([index, id]) => [placeOf[index], id])),
    notes,
  };
  return { papers, notes, plan };
}

/**
 * The merge that `plan` records, replayed on the files it was made from: each entry is merged into the paper the plan
 * names, in the order the merge took them, with no lookup, and the paper is made as soon as its last entry is in.
 * Undefined if the plan does not fit the files.
 */
function* replaySteps(files: readonly LibraryFile[], plan: MergePlan): Generator<void, Merged | undefined> {
  const counts = plan.entryCounts;
  if (counts.length !== files.length || files.some((f, i) => f.parsed.entries.length !== counts[i])) {
    return undefined;
  }
  const paperCount = plan.citationKeySuffixes.length;
  // Entries each paper still waits for. Papers are made as they are complete: a draft kept for all of them would
  // outlive the young generation's collections, and cost the old generation's.
  const waiting = new Int32Array(paperCount);
  for (const index of plan.paperOfEntry) {
    if (!(index >= 0 && index < paperCount)) {
      return undefined;
    }
    waiting[index]++;
  }
  const drafts = new Map<number, Draft>();
  const papers: Paper[] = new Array<Paper>(paperCount);
  const offsets = entryOffsets(files);
  const fits = yield* inMergeOrderSteps(files, yield* passesSteps(files), (entry, fileIndex, entryIndex, inFile) => {
    const place = fileIndex * 1e7 + entryIndex;
    const index = plan.paperOfEntry[offsets[fileIndex] + entryIndex];
    const keys = entry.mergeKeys ?? mergeKeys(entry);
    let draft = drafts.get(index);
    if (!draft) {
      const id = plan.ids.get(index) ?? keys.titleId;
      if (id === undefined) {
        return false;
      }
      draft = newDraft(id, index, place, files[fileIndex], entry.line);
    }
    mergeEntry(draft, inFile, entry, keys, place);
    if (--waiting[index] > 0) {
      drafts.set(index, draft);
      return true;
    }
    drafts.delete(index);
    const suffix = plan.citationKeySuffixes[index];
    const own = draft.bibliographic?.citationKey;
    if (suffix < 0 && own === undefined) {
      return false;
    }
    papers[index] = toPaper(draft, suffix < 0 ? own! : suffixedCitationKey(draftKeyBase(draft), suffix));
    return true;
  });
  if (!fits) {
    return undefined;
  }
  // A paper no entry went into: the plan was not made from these files.
  for (let i = 0; i < paperCount; i++) {
    if (papers[i] === undefined) {
      return undefined;
    }
  }
  return { papers, notes: plan.notes, labelNumbers: plan.labelNumbers, plan };
}

export function isReadable(file: LibraryFile | UnreadableFile): file is LibraryFile {
  return 'parsed' in file;
}

function newDraft(id: string, index: number, order: number, firstFile: LibraryFile, firstLine: number): Draft {
  return { id, index, order, abstractLength: 0, entries: 0, collections: NO_COLLECTIONS, firstFile, firstLine };
}

function draftAbstract(draft: Draft): string {
  return draft.abstractFrom?.abstract ?? '';
}

/**
 * Every entry's merge keys (worked out here where the read worker has not), the abstract ids that entries without a
 * title id will look their paper up by (the only ones worth keeping in a map), and the most keys the merge will look
 * a paper up by: a title id, a DOI and an arXiv id an entry that has them, and the abstract ids wanted.
 */
function* keysAndWantedAbstracts(
  files: readonly LibraryFile[],
): Generator<void, { keysOf: MergeKeys[][]; wanted: Set<string>; lookups: number }> {
  const keysOf: MergeKeys[][] = [];
  const wanted = new Set<string>();
  let lookups = 0;
  const counter = new StepCounter(STEP_SIZE);
  for (const file of files) {
    const keys: MergeKeys[] = [];
    for (const entry of file.parsed.entries) {
      if (counter.count(entry.mergeKeys ? 1 : WORKED_OUT_KEYS)) {
        yield;
      }
      const entryKeys = entry.mergeKeys ?? mergeKeys(entry);
      const abstractId =
        entryKeys.titleId === undefined ? (entryKeys.abstractId ?? abstractKeyId(entry.abstract)) : undefined;
      // Kept with the keys, so that the merge does not work it out again.
      keys.push(
        abstractId !== undefined && entryKeys.abstractId === undefined ? { ...entryKeys, abstractId } : entryKeys,
      );
      if (abstractId !== undefined) {
        wanted.add(abstractId);
      }
      lookups +=
        (entryKeys.titleId === undefined ? 0 : 1) +
        (entry.bibliographic?.doi === undefined ? 0 : 1) +
        (entry.bibliographic?.arxivId === undefined ? 0 : 1);
    }
    keysOf.push(keys);
  }
  return { keysOf, wanted, lookups: lookups + wanted.size };
}

/** The paper id an abstract makes; undefined for one without a letter or digit. */
function abstractKeyId(abstract: string): string | undefined {
  return abstract ? keyId('a:', textKeyCodes(abstract)) : undefined;
}

/**
 * What merging derives from one entry alone: its title's paper id, its label, its citation key base and its links,
 * and with `withAbstractId` its abstract's id. The read worker works these out for the entries it reads, so the
 * extension host's merge only looks them up.
 */
export function mergeKeys(entry: ParsedEntry, withAbstractId = false): MergeKeys {
  const keys: { -readonly [K in keyof MergeKeys]: MergeKeys[K] } = {};
  const abstractId = withAbstractId ? abstractKeyId(entry.abstract) : undefined;
  if (abstractId !== undefined) {
    keys.abstractId = abstractId;
  }
  if (entry.title !== undefined) {
    const titleId = keyId('t:', textKeyCodes(entry.title, 1000));
    if (titleId !== undefined) {
      keys.titleId = titleId;
    }
    const label = texToPlainText(entry.title);
    if (label !== entry.title) {
      keys.label = label;
    }
  }
  if (entry.bibliographic?.citationKey === undefined) {
    keys.citationKeyBase = citationKeyBase(entry.title ?? '', entry.bibliographic ?? {});
  }
  // Converting a whole abstract's TeX costs more than the rest of making a paper: only one with a link needs it.
  const abstract = entry.abstract;
  if (abstract.includes('://')) {
    const links = findLinks(texToUnicode(abstract));
    if (links.length > 0) {
      keys.links = links;
    }
  }
  return keys;
}

/** How much of two abstracts' keys must agree from the start for them to be copies of one abstract. */
const SAME_OPENING = 200;
/** Or the share of the shorter abstract's words that the longer must have. */
const SAME_WORDS = 0.9;

/**
 * Whether two abstracts listed under one title are copies of one abstract:
 * one is missing, or their keys (`textKey`: TeX, entities, case, accents and
 * punctuation aside) agree over the first 200 characters or the whole of the
 * shorter one (scrapes cut abstracts at different lengths), or nine in ten of
 * the shorter one's words are in the other.
 */
export function sameAbstract(a: string, b: string): boolean {
  if (a === '' || b === '') {
    return true;
  }
  const keyA = textKey(a, SAME_OPENING);
  const keyB = textKey(b, SAME_OPENING);
  const n = Math.min(keyA.length, keyB.length);
  if (keyA.slice(0, n) === keyB.slice(0, n)) {
    return true;
  }
  const wordsA = wordSet(a);
  const wordsB = wordSet(b);
  const [shorter, longer] = wordsA.size <= wordsB.size ? [wordsA, wordsB] : [wordsB, wordsA];
  let shared = 0;
  for (const w of shorter) {
    if (longer.has(w)) {
      shared++;
    }
  }
  return shared >= shorter.size * SAME_WORDS;
}

function wordSet(text: string): Set<string> {
  return new Set(
    foldCase(stripTex(text))
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3),
  );
}

/** `inFile` is the collection list of a paper in this file alone: one list for all of them, not one per paper. */
function mergeEntry(draft: Draft, inFile: readonly [string], entry: ParsedEntry, keys: MergeKeys, order: number): void {
  const collection = inFile[0];
  draft.order = Math.min(draft.order, order);
  if (draft.title === undefined && entry.title !== undefined) {
    draft.title = entry.title;
    draft.titleKeys = keys;
  }
  // Scrapes cut abstracts at different lengths; keep the most complete copy.
  const length = abstractLength(entry);
  if (draft.abstractFrom === undefined || length > draft.abstractLength) {
    draft.abstractFrom = entry;
    draft.abstractLength = length;
    draft.abstractKeys = keys;
  }
  draft.entries++;
  draft.keyBase = draft.entries === 1 ? keys.citationKeyBase : undefined;
  if (!draft.collections.includes(collection)) {
    draft.collections = draft.collections.length === 0 ? inFile : [...draft.collections, collection];
  }
  draft.authors ??= entry.authors;
  draft.organization ??= entry.organization;
  draft.date ??= entry.date;
  draft.upvotes ??= entry.upvotes;
  if (entry.bibliographic) {
    draft.bibliographic = draft.bibliographic
      ? { ...entry.bibliographic, ...draft.bibliographic }
      : entry.bibliographic;
  }
}

/**
 * Each paper's citation key: the one its file gave it, or one generated from its first author, year and title,
 * made unique against every key in the library. Generated in paper order, so the same library gives the same keys.
 * With each, how it was made, for the plan (`MergePlan.citationKeySuffixes`).
 */
function* citationKeysSteps(
  drafts: readonly Draft[],
): Generator<void, { citationKeys: string[]; suffixes: Int32Array }> {
  // Sets of up to a key a paper, made for that many (`StringNumberMap`); the numbers of `taken` are not used.
  const taken = new StringNumberMap(drafts.length);
  for (let i = 0; i < drafts.length; i++) {
    const key = drafts[i].bibliographic?.citationKey;
    if (key !== undefined) {
      taken.set(key, 0);
    }
    if (i % STEP_SIZE === STEP_SIZE - 1) {
      yield;
    }
  }
  const citationKeys: string[] = [];
  const suffixes = new Int32Array(drafts.length).fill(-1);
  const tried = new StringNumberMap(drafts.length);
  for (const draft of drafts) {
    let key = draft.bibliographic?.citationKey;
    if (key === undefined) {
      const base = draftKeyBase(draft);
      key = uniqueCitationKey(base, taken, tried);
      taken.set(key, 0);
      // `tried` holds, by base, one past the suffix last found free: this key's, if it has one.
      suffixes[citationKeys.length] = key === base ? 0 : tried.get(base)!;
    }
    citationKeys.push(key);
    if (citationKeys.length % STEP_SIZE === 0) {
      yield;
    }
  }
  return { citationKeys, suffixes };
}

/** The citation key base of a paper: its only entry's, or worked out from all of them. */
function draftKeyBase(draft: Draft): string {
  return draft.keyBase ?? citationKeyBase(draft.title ?? '', draft.bibliographic ?? {});
}

type MutablePaper = { -readonly [K in keyof Paper]: Paper[K] };
type PaperFields = Pick<Paper, 'id' | 'citationKey' | 'label' | 'collections' | 'links' | 'hasCode'>;

/**
 * A paper whose abstract is stored (it reads it through its prototype's getter when it is shown), made by a
 * constructor of its own that assigns the fields every paper has. V8 gives the objects of a constructor room for as
 * many fields as its first objects had: made like an entry (`Object.create`, or `WithStoredAbstract`, whose first
 * objects are entries), a paper kept the fields past that room in an array of their own, 60 bytes more, 18 MB at
 * 300,000 papers.
 */
class StoredPaper extends WithStoredAbstract {
  readonly id: string;
  readonly citationKey: string;
  readonly label: string;
  readonly collections: readonly string[];
  readonly links: readonly string[];
  readonly hasCode: boolean;

  constructor(stored: StoredAbstract, fields: PaperFields) {
    super(stored);
    this.id = fields.id;
    this.citationKey = fields.citationKey;
    this.label = fields.label;
    this.collections = fields.collections;
    this.links = fields.links;
    this.hasCode = fields.hasCode;
  }
}

function toPaper(d: Draft, citationKey: string): Paper {
  const from = d.abstractFrom;
  const links = d.abstractKeys?.links ?? NO_LINKS;
  const fields: PaperFields = {
    id: d.id,
    citationKey,
    label: d.title === undefined ? untitledLabel(from?.abstract ?? '') : (d.titleKeys?.label ?? d.title),
    collections: d.collections,
    links,
    hasCode: links.some((l) => CODE_HOSTS.test(l)),
  };
  const paper: MutablePaper = from?.storedAbstract
    ? (new StoredPaper(from.storedAbstract, fields) as MutablePaper)
    : { abstract: from?.abstract ?? '', ...fields };
  // Only the fields a paper has: set one by one rather than merged from an object each, which 100,000 papers make garbage of.
  if (d.title !== undefined) {
    paper.title = d.title;
  }
  if (d.authors !== undefined) {
    paper.authors = d.authors;
  }
  if (d.organization !== undefined) {
    paper.organization = d.organization;
  }
  if (d.date !== undefined) {
    paper.date = d.date;
  }
  if (d.upvotes !== undefined) {
    paper.upvotes = d.upvotes;
  }
  if (d.bibliographic !== undefined) {
    paper.bibliographic = d.bibliographic;
  }
  return paper;
}

/**
 * Links as written, without the sentence punctuation that follows them
 * (`…/RN.`). A closing bracket at the end belongs to the link when the link
 * opened it (`…/wiki/Transformer_(deep_learning_architecture)`). Read from
 * text whose TeX was converted (`texToUnicode`), so `tex\\_repo` is `tex_repo`.
 */
export function findLinks(text: string): readonly string[] {
  // Most abstracts have no link; looking for `://` first is much quicker than running the pattern over them.
  if (!text.includes('://')) {
    return NO_LINKS;
  }
  return [...text.matchAll(LINK)].map((m) => trimLink(m[0]));
}

const CLOSING: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

function trimLink(link: string): string {
  let end = link.length;
  for (;;) {
    const last = link.charAt(end - 1);
    const opening = CLOSING[last];
    if (/[.,;:!?]/.test(last) || (opening !== undefined && count(link, opening, end) < count(link, last, end))) {
      end--;
    } else {
      return link.slice(0, end);
    }
  }
}

function count(text: string, c: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(c); i >= 0 && i < end; i = text.indexOf(c, i + 1)) {
    n++;
  }
  return n;
}

/**
 * Two untitled abstracts that open alike get `(2)`, `(3)`… so no two rows
 * look the same. Titles need no such care (two papers with one title are one
 * paper), but an untitled label may happen to read like one of them. By paper, the number its label gets.
 */
function* uniqueLabelNumbers(papers: readonly Paper[]): Generator<void, Map<number, number>> {
  // Only a label an untitled paper has can repeat; the lengths turn away almost every title without hashing it.
  const untitledLabels = new Set<string>();
  for (let i = 0; i < papers.length; i++) {
    if (papers[i].title === undefined) {
      untitledLabels.add(papers[i].label);
    }
    if (i % STEP_SIZE === STEP_SIZE - 1) {
      yield;
    }
  }
  const lengths = new Set([...untitledLabels].map((label) => label.length));
  const seen = new Map<string, number>();
  const numbers = new Map<number, number>();
  for (let i = 0; i < papers.length; i++) {
    const label = papers[i].label;
    if (lengths.has(label.length) && untitledLabels.has(label)) {
      const count = (seen.get(label) ?? 0) + 1;
      seen.set(label, count);
      if (count > 1) {
        numbers.set(i, count);
      }
    }
    if (i % STEP_SIZE === STEP_SIZE - 1) {
      yield;
    }
  }
  return numbers;
}

/**
 * The drafts by their place in the files. They were made titled first, then untitled, each run in file order:
 * merging the two runs is one pass. An untitled copy listed before its titled paper moves that paper up, out of its
 * run's order: only then is everything sorted, in steps.
 */
function* inFileOrder(drafts: readonly Draft[]): Generator<void, Draft[]> {
  let firstUntitled = -1;
  for (let i = 0; i < drafts.length && firstUntitled < 0; i++) {
    if (drafts[i].title === undefined) {
      firstUntitled = i;
    } else if (i > 0 && drafts[i].order < drafts[i - 1].order) {
      return yield* sortSteps(drafts, (x, y) => x.order - y.order);
    }
    if (i % STEP_SIZE === STEP_SIZE - 1) {
      yield;
    }
  }
  if (firstUntitled < 0) {
    return [...drafts];
  }
  const ordered: Draft[] = [];
  let titled = 0;
  let untitled = firstUntitled;
  while (titled < firstUntitled || untitled < drafts.length) {
    const takeTitled =
      untitled >= drafts.length || (titled < firstUntitled && drafts[titled].order < drafts[untitled].order);
    ordered.push(takeTitled ? drafts[titled++] : drafts[untitled++]);
    if (ordered.length % STEP_SIZE === 0) {
      yield;
    }
  }
  return ordered;
}

/**
 * A short id that stays the same as long as the paper's title (or, untitled,
 * its abstract) does: stars and open tabs refer to papers by it. Two keys
 * that hashed alike would be one paper; at 64 bits, that takes billions of papers.
 */
export function paperId(kind: 't:' | 'a:' | 'o:', key: string | Uint16Array): string {
  // FNV-1a, twice with different offsets, for 64 bits without BigInt; over the kind, then the key, without joining them.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < kind.length + key.length; i++) {
    const c =
      i < kind.length
        ? kind.charCodeAt(i)
        : typeof key === 'string'
          ? key.charCodeAt(i - kind.length)
          : key[i - kind.length];
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193 + 2);
  }
  return base36Pair(h1 >>> 0, h2 >>> 0);
}

/** The id of a text key, or undefined for an empty key (text with no letter or digit). */
function keyId(kind: 't:' | 'a:', key: Uint16Array): string | undefined {
  return key.length > 0 ? paperId(kind, key) : undefined;
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const idCodes = new Uint16Array(14);

/** Two 32-bit numbers as seven base-36 digits each: `toString(36).padStart(7, '0')` twice, a few times quicker. */
function base36Pair(a: number, b: number): string {
  for (let i = 6; i >= 0; i--) {
    idCodes[i] = BASE36.charCodeAt(a % 36);
    idCodes[i + 7] = BASE36.charCodeAt(b % 36);
    a = Math.floor(a / 36);
    b = Math.floor(b / 36);
  }
  // Spread over a typed array goes through its iterator: listed, the call is three times quicker.
  const c = idCodes;
  return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13]);
}
