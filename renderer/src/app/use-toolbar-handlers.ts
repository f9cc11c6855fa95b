/**
 * The toolbar's buttons as handlers that keep their identity until what they act on changes, so
 * the memoised Toolbar skips the renders of a search answer.
 */
import { useMemo } from 'react';
import type { ToolbarProps } from '../components/Toolbar';
import type { DialogState } from './Dialogs';
import type { Actions } from './use-actions';

type Handlers = Pick<
  ToolbarProps,
  | 'onExport'
  | 'onCite'
  | 'onTrash'
  | 'onRestore'
  | 'onEmptyTrash'
  | 'onDeleteForever'
  | 'onSettings'
  | 'onHelp'
>;

/** Handlers for the selection `ids`; `trashCount` is what "Empty Trash" confirms. */
export function useToolbarHandlers(
  actions: Actions,
  ids: string[],
  trashCount: number,
  setDialog: (d: DialogState) => void,
): Handlers {
  return useMemo(
    () => ({
      onExport: () => setDialog({ kind: 'export' }),
      onCite: () => setDialog({ kind: 'cite' }),
      onTrash: () => void actions.trash(ids),
      onRestore: () => void actions.restore(ids),
      onEmptyTrash: () => void actions.emptyTrash(trashCount),
      onDeleteForever: () => void actions.deleteForever(ids),
      onSettings: () => setDialog({ kind: 'settings' }),
      onHelp: () => setDialog({ kind: 'help' }),
    }),
    [actions, ids, trashCount, setDialog],
  );
}
