/**
 * Renders whichever modal is open.
 */
import type { JobRef, Settings } from '../../../shared/api';
import type { TagCount } from '../../../shared/model';
import { CiteDialog } from '../components/CiteDialog';
import { ExportDialog } from '../components/ExportDialog';
import { HelpDialog } from '../components/HelpDialog';
import { SettingsDialog } from '../components/SettingsDialog';
import { TagManageDialog } from '../components/TagManageDialog';
import type { Actions } from './use-actions';

export type DialogState =
  | { kind: 'export' }
  | { kind: 'cite' }
  | { kind: 'settings' }
  | { kind: 'help' }
  | { kind: 'tag'; tag: string }
  | null;

export interface DialogsProps {
  state: DialogState;
  ids: string[];
  settings: Settings;
  tags: TagCount[];
  actions: Actions;
  onSettings: (patch: Partial<Settings>) => void;
  onExportStarted: (job: JobRef) => void;
  onClose: () => void;
}

/** The open dialog, if any. */
export function Dialogs({
  state,
  ids,
  settings,
  tags,
  actions,
  onSettings,
  onExportStarted,
  onClose,
}: DialogsProps) {
  if (state === null) return null;
  switch (state.kind) {
    case 'export':
      return <ExportDialog ids={ids} onStarted={onExportStarted} onClose={onClose} />;
    case 'cite':
      return <CiteDialog ids={ids} onClose={onClose} />;
    case 'settings':
      return <SettingsDialog settings={settings} onChange={onSettings} onClose={onClose} />;
    case 'help':
      return <HelpDialog onClose={onClose} />;
    case 'tag':
      return (
        <TagManageDialog
          tag={state.tag}
          tags={tags}
          onRename={(from, to) => void actions.renameTag(from, to).then(onClose)}
          onMerge={(from, to) => void actions.mergeTag(from, to).then(onClose)}
          onDelete={(tag) => void actions.deleteTag(tag).then((done) => done && onClose())}
          onClose={onClose}
        />
      );
  }
}
