import type { LibraryNode } from '../views/libraryTree';

/**
 * The paper a command was invoked on: an id when called from code or a tree item's click, the tree node
 * when called from the tree's context menu, nothing from the command palette.
 */
export function paperIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') {
    return argument;
  }
  const node = argument as Partial<LibraryNode> | undefined;
  return node?.kind === 'paper' && typeof node.paper?.id === 'string' ? node.paper.id : undefined;
}
