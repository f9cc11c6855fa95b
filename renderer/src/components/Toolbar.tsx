/**
 * The top bar: search, and actions on the selection.
 */
import { forwardRef, memo } from 'react';
import { useT } from '../i18n/i18n-context';
import { SearchBox } from './SearchBox';

export interface ToolbarProps {
  query: string;
  onQuery: (q: string) => void;
  onSaveSearch: (name: string, query: string) => void;
  /** The search answered that the query is malformed: there is nothing worth saving. */
  queryInvalid: boolean;
  selectedCount: number;
  inTrash: boolean;
  trashCount: number;
  onImport: () => void;
  onExport: () => void;
  onCite: () => void;
  onTrash: () => void;
  onRestore: () => void;
  onEmptyTrash: () => void;
  onDeleteForever: () => void;
  onSettings: () => void;
  onHelp: () => void;
}

/** Toolbar; the forwarded ref is the search input. */
const ToolbarPane = forwardRef<HTMLInputElement, ToolbarProps>(function Toolbar(p, ref) {
  const t = useT();
  const none = p.selectedCount === 0;
  return (
    <header className="toolbar" role="toolbar" aria-label={t('appName')} data-testid="toolbar">
      <span className="brand">{t('appName')}</span>
      <SearchBox
        ref={ref}
        value={p.query}
        onChange={p.onQuery}
        onSave={p.onSaveSearch}
        canSave={!p.queryInvalid}
      />
      <div className="toolbar-actions">
        {p.selectedCount > 1 && (
          <span className="muted">{t('toolbar.selected', { count: p.selectedCount })}</span>
        )}
        <button type="button" onClick={p.onImport} data-testid="import-button">
          {t('toolbar.import')}
        </button>
        <button type="button" onClick={p.onCite} disabled={none} data-testid="cite-button">
          {t('toolbar.cite')}
        </button>
        <button type="button" onClick={p.onExport} disabled={none} data-testid="export-button">
          {t('toolbar.export')}
        </button>
        {p.inTrash ? (
          <>
            <button
              type="button"
              onClick={p.onRestore}
              disabled={none}
              data-testid="restore-button"
            >
              {t('toolbar.restore')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={p.onDeleteForever}
              disabled={none}
              data-testid="delete-forever-button"
            >
              {t('toolbar.deleteForever')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={p.onEmptyTrash}
              disabled={p.trashCount === 0}
              data-testid="empty-trash-button"
            >
              {t('toolbar.emptyTrash')}
            </button>
          </>
        ) : (
          <button type="button" onClick={p.onTrash} disabled={none} data-testid="trash-button">
            {t('toolbar.trash')}
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          onClick={p.onSettings}
          aria-label={t('toolbar.settings')}
          title={t('toolbar.settings')}
          data-testid="settings-button"
        >
          ⚙
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={p.onHelp}
          aria-label={t('toolbar.help')}
          title={t('toolbar.help')}
          data-testid="help-button"
        >
          ⌨
        </button>
      </div>
    </header>
  );
});

/** Memoised: a search answer leaves it alone. */
export const Toolbar = memo(ToolbarPane);
