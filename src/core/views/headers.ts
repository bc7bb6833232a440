import type { GroupBy, SortBy } from '../model/grouping';
import type { Paper } from '../model/paper';
import { listSizes } from './lists';

/** What a view's header says: the message under its title and the description beside it. */
export interface ViewHeader {
  readonly message?: string;
  readonly description: string;
}

export type SideBarView = 'library' | 'hasCode' | 'topUpvoted';

export interface HeadersInput {
  /** How many papers the library has. */
  readonly total: number;
  /** The papers the filter keeps (all of them without a filter). */
  readonly visible: readonly Paper[];
  readonly filter: string | undefined;
  readonly groupBy: GroupBy;
  readonly sortBy: SortBy;
  /** The workspace is trusted; in Restricted Mode the workspace's own corpus paths are not read. */
  readonly trusted: boolean;
}

const SORT_NAMES: Record<SortBy, string> = { date: 'newest first', upvotes: 'most upvoted first', title: 'A to Z' };

/** The headers of the side bar's three views: the grouping and order, the filter and how much it keeps, and Restricted Mode. */
export function viewHeaders(input: HeadersInput): Record<SideBarView, ViewHeader> {
  const { visible, filter, sortBy } = input;
  const filtered =
    filter === undefined ? undefined : `Filtered by “${filter}”: ${visible.length} of ${input.total} papers.`;
  const restricted = input.trusted
    ? undefined
    : 'Restricted Mode: papers.corpus.paths from this workspace is not read; the bundled corpus and your user settings are.';
  const sizes = listSizes(visible);
  const message = (text: string | undefined) => (text === undefined ? {} : { message: text });
  return {
    library: {
      ...message([filtered, restricted].filter(Boolean).join(' ') || undefined),
      description: `by ${input.groupBy}, ${SORT_NAMES[sortBy]}`,
    },
    hasCode: { ...message(filtered), description: `${sizes.hasCode}, ${SORT_NAMES[sortBy]}` },
    topUpvoted: { ...message(filtered), description: String(sizes.topUpvoted) },
  };
}
