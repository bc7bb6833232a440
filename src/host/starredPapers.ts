import type * as vscode from 'vscode';
import { followStars } from '../core/library/followStars';
import type { Library } from '../core/model/paper';
import { isStarRecord, starRecord, type StarRecord } from '../core/model/star';
import { StateKeys } from './ids';
import { StoredList } from './storedList';

/**
 * The user's stars, in global state so they survive restarts. They are never pruned when the corpus
 * changes: a star on a paper that is no longer loaded follows it to its new id when an identifier finds it,
 * and otherwise stays and shows as missing until it comes back or the user unstars it.
 */
export class StarredPapers extends StoredList<StarRecord> {
  constructor(state: vscode.Memento) {
    super(state, StateKeys.starred, isStarRecord);
  }

  get all(): readonly StarRecord[] {
    return this.entries;
  }

  has(id: string): boolean {
    return this.all.some((s) => s.id === id);
  }

  /** Stars a paper (or a record of one), remembering the identifiers that find it again if its id changes. */
  async star(paper: Parameters<typeof starRecord>[0]): Promise<void> {
    if (!this.has(paper.id)) {
      await this.store([...this.all, starRecord(paper)]);
    }
  }

  /** Moves stars whose paper is gone to the paper that now has its arXiv id, DOI or citation key. */
  async follow(library: Library): Promise<void> {
    const moved = followStars(this.all, library);
    if (moved) {
      await this.store(moved);
    }
  }

  async unstar(id: string): Promise<void> {
    if (this.has(id)) {
      await this.store(this.all.filter((s) => s.id !== id));
    }
  }
}
