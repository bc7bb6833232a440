import type { LibraryNode } from '../features/libraryViews/paperNodes';

/**
 * The paper a command was invoked on: an id when called from code or a tree item's click, the tree node
 * when called from the tree's context menu (a missing star's node gives the id it was starred under),
 * nothing from the command palette.
 */
export function paperIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') {
    return argument;
  }
  const node = argument as Partial<LibraryNode> | undefined;
  const id = node?.kind === 'paper' ? node.paper?.id : node?.kind === 'missing' ? node.star?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}
