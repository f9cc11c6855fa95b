/**
 * Maps a key press in a list to an action, shared by the article list and search hits.
 */

export type ListKeyAction =
  | { type: 'move'; delta: number; extend: boolean }
  | { type: 'selectAll' }
  | { type: 'open' }
  | { type: 'delete' };

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** The list action for a key (null: let it through). `page` is rows per page, `count` the list length. */
export function listKeyAction(e: KeyLike, page: number, count: number): ListKeyAction | null {
  const mod = e.ctrlKey || e.metaKey;
  const moves: Record<string, number> = {
    ArrowDown: 1,
    ArrowUp: -1,
    PageDown: page,
    PageUp: -page,
    Home: -count,
    End: count,
  };
  const delta = moves[e.key];
  if (delta !== undefined) return { type: 'move', delta, extend: e.shiftKey };
  if (mod && e.key.toLowerCase() === 'a') return { type: 'selectAll' };
  if (e.key === 'Enter') return { type: 'open' };
  if (e.key === 'Delete' || (e.key === 'Backspace' && mod)) return { type: 'delete' };
  return null;
}
