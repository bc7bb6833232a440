import type { PublicationDate } from './bibliographic';

/** A listing date as the paper pages print it: `Sep 28`, `Nov 23, 2019`. */
export interface PaperDate {
  readonly year?: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  /** The date as written in the file, shown to the user unchanged. */
  readonly text: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `Mon D`, `Mon D, YYYY`, either optionally followed by an upvote count. */
const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(?:, (\d{4}))?(?: (\d{1,7}))?$/;

export interface DateLine {
  readonly date: PaperDate;
  readonly upvotes?: number;
}

/**
 * Parses a date line strictly: `Feb 30` or `Feb 29, 2023` is not a date (where
 * `new Date` would quietly roll it into March).
 */
export function parseDateLine(line: string): DateLine | undefined {
  const m = DATE_LINE.exec(line.trim());
  if (!m) {
    return undefined;
  }
  const month = MONTHS.indexOf(m[1]) + 1;
  const day = Number(m[2]);
  const year = m[3] === undefined ? undefined : Number(m[3]);
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]) {
    return undefined;
  }
  if (year !== undefined && (year < 1900 || year > 2200 || (month === 2 && day === 29 && !isLeapYear(year)))) {
    return undefined;
  }
  const text = year === undefined ? `${m[1]} ${day}` : `${m[1]} ${day}, ${year}`;
  const date: PaperDate = year === undefined ? { month, day, text } : { year, month, day, text };
  return m[4] === undefined ? { date } : { date, upvotes: Number(m[4]) };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Orders dates oldest first. A date without a year belongs to the listing's own
 * year, which the file does not state, so it sorts after every dated year.
 */
export function compareDates(a: PaperDate | undefined, b: PaperDate | undefined): number {
  if (!a || !b) {
    return a ? 1 : b ? -1 : 0;
  }
  const ya = a.year ?? Number.POSITIVE_INFINITY;
  const yb = b.year ?? Number.POSITIVE_INFINITY;
  if (ya !== yb) {
    return ya < yb ? -1 : 1;
  }
  return a.month - b.month || a.day - b.day;
}

/**
 * A publication date as the library shows and sorts dates: `Apr 2, 2007`, `Apr 2007` when the day is not known
 * (sorted as the 1st), `2007` when only the year is (sorted as January 1st).
 */
export function paperDate(issued: PublicationDate): PaperDate {
  if (issued.month === undefined) {
    return { year: issued.year, month: 1, day: 1, text: String(issued.year) };
  }
  const month = MONTHS[issued.month - 1];
  return issued.day === undefined
    ? { year: issued.year, month: issued.month, day: 1, text: `${month} ${issued.year}` }
    : { year: issued.year, month: issued.month, day: issued.day, text: `${month} ${issued.day}, ${issued.year}` };
}
