import { truncateWords } from '../model/label';
import type { BibliographicFields, PersonName } from '../model/bibliographic';
import { commandLink, markdownText } from '../render/markdownText';

/** What a hover shows of a paper (the library's papers are such). */
export interface HoverPaper {
  readonly id: string;
  /** The title, or a label made from the abstract for an untitled paper. */
  readonly label: string;
  readonly abstract: string;
  readonly citationKey?: string;
  readonly bibliographic?: Pick<BibliographicFields, 'authors' | 'issued' | 'venue'>;
}

/** A link at the foot of the hover; the host trusts exactly these commands and no other. */
export interface HoverCommand {
  readonly title: string;
  readonly command: string;
  readonly args: readonly unknown[];
}

/** Authors named before `et al.`. */
const MAX_AUTHORS = 3;
const MAX_TITLE_LENGTH = 300;
/** About the first three lines of an abstract in a hover at its usual width. */
const ABSTRACT_START_LENGTH = 320;

/**
 * The Markdown of a paper's hover: the title in bold, the authors, year, venue and citation key, the start of the
 * abstract, and the command links. Every piece of paper text goes through {@link markdownText}, so a title cannot
 * add a link, an image or HTML; only `commands` are links, and the host must enable only those command ids
 * (`enabledCommands`) and leave `supportHtml` off.
 */
export function paperHoverMarkdown(paper: HoverPaper, commands: readonly HoverCommand[]): string {
  const fields = paper.bibliographic ?? {};
  const details = [authorList(fields.authors), fields.issued ? String(fields.issued.year) : undefined, fields.venue];
  const blocks = [`**${markdownText(truncateWords(paper.label, MAX_TITLE_LENGTH))}**`];
  if (paper.citationKey) {
    details.push(paper.citationKey);
  }
  const shown = details.filter((part): part is string => Boolean(part));
  if (shown.length > 0) {
    blocks.push(shown.map(markdownText).join(' · '));
  }
  const abstract = paper.abstract.replace(/\s+/g, ' ').trim();
  if (abstract) {
    blocks.push(markdownText(truncateWords(abstract, ABSTRACT_START_LENGTH)));
  }
  if (commands.length > 0) {
    blocks.push(commands.map((c) => commandLink(c.title, c.command, c.args)).join(' · '));
  }
  return blocks.join('\n\n');
}

/** `A. Vaswani, N. Shazeer, N. Parmar et al.`-style list: names as written, the first few only. */
export function authorList(authors: readonly PersonName[] | undefined, max = MAX_AUTHORS): string | undefined {
  if (!authors || authors.length === 0) {
    return undefined;
  }
  const names = authors.slice(0, max).map(personName);
  return authors.length > max ? `${names.join(', ')} et al.` : names.join(', ');
}

/** A name as it is read: `Ashish Vaswani`, `Ludwig van Beethoven`, `Google Research`. */
export function personName(name: PersonName): string {
  if (name.literal) {
    return name.literal;
  }
  const family = [name.particle, name.family].filter(Boolean).join(' ');
  return [name.given, family, name.suffix].filter(Boolean).join(' ');
}

/** `Vaswani et al. 2017`, `Leviathan & Kalman 2023`, `Google Research 2024`: who and when, in a few words. */
export function shortByline(fields: Pick<BibliographicFields, 'authors' | 'issued'> | undefined): string {
  const authors = fields?.authors ?? [];
  const family = (name: PersonName) => name.literal ?? [name.particle, name.family].filter(Boolean).join(' ');
  const who =
    authors.length === 0
      ? ''
      : authors.length === 1
        ? family(authors[0])
        : authors.length === 2
          ? `${family(authors[0])} & ${family(authors[1])}`
          : `${family(authors[0])} et al.`;
  return [who, fields?.issued?.year].filter(Boolean).join(' ');
}
