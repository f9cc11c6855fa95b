/**
 * The main window: toolbar, sidebar, list (or search results), reader, dialogs and jobs.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JobRef, JobStatus, ListView, SavedSearch, Settings } from '../../../shared/api';
import { useApi } from '../api/api-context';
import { useErrorText, useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { errorOf } from '../lib/errors';
import {
  countPublications,
  countViews,
  filterSummaries,
  sortSummaries,
  type ListFilter,
  type SortDir,
  type SortKey,
} from '../lib/list-filter';
import { refineQuery, type FacetKind } from '../lib/query';
import { tagsOfSelection } from '../lib/tag-summary';
import { listKeyAction } from '../lib/list-keys';
import { scheduleWarmUp } from '../lib/warm-up';
import { ArticleList } from '../components/ArticleList';
import { useConfirm } from '../components/ConfirmDialog';
import { FirstRun } from '../components/FirstRun';
import { ListHeader } from '../components/ListHeader';
import { JobPanel } from '../components/JobPanel';
import { Reader } from '../components/Reader';
import { SearchResults } from '../components/SearchResults';
import { Sidebar } from '../components/Sidebar';
import { Toolbar } from '../components/Toolbar';
import { Dialogs, type DialogState } from './Dialogs';
import { useActions } from './use-actions';
import { useImport } from './use-import';
import { useLibrary } from './use-library';
import { useListSelection } from './use-list-selection';
import { useSearch } from './use-search';
import { useShortcuts } from './use-shortcuts';
import { useToolbarHandlers } from './use-toolbar-handlers';

export interface WorkspaceProps {
  settings: Settings;
  onSettings: (patch: Partial<Settings>) => void;
}

interface Job extends JobRef {
  kind: 'import' | 'export';
}

const NO_HITS: string[] = [];

/** What an empty list says in each view. */
const EMPTY_TEXT: Record<ListView, MessageKey> = {
  all: 'list.empty',
  recent: 'list.emptyRecent',
  untagged: 'list.emptyUntagged',
  trash: 'list.emptyTrash',
};

// While searching no view, tag or publication is the current one.
const SEARCH_FILTER: ListFilter = { view: 'all', tag: '\u0000' };

/** The app's main layout and wiring. */
export function Workspace({ settings, onSettings }: WorkspaceProps) {
  const api = useApi();
  const t = useT();
  const errorText = useErrorText();
  const confirm = useConfirm();
  const lib = useLibrary(api);
  const [now] = useState(() => new Date());
  const [filter, setFilter] = useState<ListFilter>({ view: 'all' });
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'date', dir: 'desc' });
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<DialogState>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const readerRef = useRef<HTMLElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const onError = useCallback((err: unknown) => setError(errorText(errorOf(err))), [errorText]);
  const actions = useActions({ api, lib, confirm, t, onError });
  const search = useSearch(api, query);
  // Only the answer to the query in the box counts: an older one may be for a different text.
  const queryInvalid = search.error?.code === 'INVALID_QUERY' && search.query === query.trim();
  const searching = query.trim() !== '';
  const { request } = search;
  // Typed, picked or refined: the search starts before React renders the new query.
  const changeQuery = useCallback(
    (q: string) => {
      request(q);
      setQuery(q);
    },
    [request],
  );

  const all = lib.summaries;
  const visible = useMemo(
    () => (all ? sortSummaries(filterSummaries(all, filter, now), sort.key, sort.dir) : []),
    [all, filter, now, sort],
  );
  const byId = useMemo(() => new Map((all ?? []).map((s) => [s.id, s])), [all]);
  const langOf = useCallback((id: string) => byId.get(id)?.lang, [byId]);
  // The list's order is kept while searching, so clearing the search gets the same array back
  // (and with it the selection's index of it, see positions.ts).
  const visibleIds = useMemo(() => visible.map((s) => s.id), [visible]);
  const hitIds = useMemo(
    () => search.response?.hits.map((h) => h.id) ?? NO_HITS,
    [search.response],
  );
  const order = searching ? hitIds : visibleIds;
  const { selection, ids, onRowClick, onMove, onSelectAll } = useListSelection(order);
  // Once the list has rows, rehearse the reader out of sight in the first idle moment, so the
  // first article opened does not pay for fonts and first runs (see warm-up.ts).
  const warmed = useRef(false);
  useEffect(() => {
    if (warmed.current || visible.length === 0) return;
    return scheduleWarmUp(window, () => {
      warmed.current = true;
      return visible.slice(0, 40);
    });
  }, [visible]);
  const selected = useMemo(
    () => ids.map((id) => byId.get(id)).filter((s) => s !== undefined),
    [ids, byId],
  );
  const selectionTags = useMemo(() => tagsOfSelection(selected), [selected]);
  const knownTags = useMemo(() => lib.tags.map((x) => x.tag), [lib.tags]);
  const viewCounts = useMemo(() => countViews(all ?? [], now), [all, now]);
  const publications = useMemo(() => countPublications(all ?? []), [all]);

  const onOpen = useCallback(() => readerRef.current?.focus(), []);
  const inTrash = filter.view === 'trash' && !searching;
  const onDelete = useCallback(
    // In the Trash, Delete deletes for good (after two confirmations); elsewhere it trashes.
    () => void (inTrash ? actions.deleteForever(ids) : actions.trash(ids)),
    [actions, ids, inTrash],
  );

  const startJob = useCallback(
    (ref: JobRef, kind: Job['kind'] = 'import') => setJob({ ...ref, kind }),
    [],
  );
  // Desktop: follow imports the main process started (menu, "Open with").
  useEffect(() => window.folioHost?.onImportStarted?.((r) => startJob(r)), [startJob]);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const imp = useImport(api, fileInputRef, startJob, onError);
  const { refresh } = lib;
  const jobFinished = useCallback(
    (s: JobStatus) => {
      if (s.kind === 'import') void refresh();
      // Browser shell: start the download right away; the panel keeps a link as a fallback.
      const url = s.output?.downloadUrl;
      if (url) {
        const a = document.createElement('a');
        a.href = url;
        a.download = '';
        a.click();
      }
    },
    [refresh],
  );

  const closeJob = useCallback(() => {
    // Closed from its own button, the panel would take the focus away with it: give it to the list.
    const fromPanel = document.activeElement?.closest('[data-testid="job-panel"]') != null;
    setJob(null);
    if (fromPanel) requestAnimationFrame(() => listRef.current?.focus());
  }, []);

  const shortcuts = useMemo(
    () => ({
      focusSearch: () => searchRef.current?.focus(),
      importFiles: imp.pick,
      help: () => setDialog({ kind: 'help' }),
      clearSearch: () => {
        // From the hits, the focus moves on to the list that replaces them.
        const fromHits = document.activeElement?.closest('[data-testid="list-pane"]') != null;
        changeQuery('');
        if (fromHits) requestAnimationFrame(() => listRef.current?.focus());
      },
    }),
    [imp.pick, changeQuery],
  );
  useShortcuts(shortcuts);

  // Handlers keep their identity across renders, so the memoised panes skip the renders of a
  // keystroke or a search answer that changes nothing they show.
  const { savedSearches } = settings;
  const saveSearch = useCallback(
    (name: string, saved: string): void => {
      const rest = savedSearches.filter((s) => s.name !== name);
      onSettings({ savedSearches: [...rest, { name, query: saved }] });
    },
    [savedSearches, onSettings],
  );
  const removeSaved = useCallback(
    (s: SavedSearch): void =>
      onSettings({ savedSearches: savedSearches.filter((x) => x.name !== s.name) }),
    [savedSearches, onSettings],
  );
  const onFacet = (kind: FacetKind, value: string): void =>
    changeQuery(refineQuery(query, kind, value));
  const onHitKey = useCallback(
    (e: React.KeyboardEvent<HTMLDivElement>): void => {
      const a = listKeyAction(e, 10, order.length);
      if (!a) return;
      e.preventDefault();
      if (a.type === 'move') onMove(a.delta, a.extend);
      else if (a.type === 'selectAll') onSelectAll();
      else if (a.type === 'open') onOpen();
      else onDelete();
    },
    [order.length, onMove, onSelectAll, onOpen, onDelete],
  );
  const onFilter = useCallback((f: ListFilter) => {
    setQuery('');
    setFilter(f);
  }, []);
  const onManageTag = useCallback((tag: string) => setDialog({ kind: 'tag', tag }), []);
  const onRunSaved = useCallback((s: SavedSearch) => changeQuery(s.query), [changeQuery]);
  const toolbarHandlers = useToolbarHandlers(actions, ids, viewCounts.trash, setDialog);
  const tagProps = useMemo(
    () => ({
      tags: selectionTags,
      total: selected.length,
      knownTags,
      onAdd: (tags: string[]) => void actions.addTags(ids, tags),
      onRemove: (tag: string) => void actions.removeTag(ids, tag),
    }),
    [selectionTags, selected.length, knownTags, actions, ids],
  );
  const focusSummary = selection.focus !== null ? byId.get(selection.focus) : undefined;
  const showFirstRun = lib.info?.isEmpty === true;

  return (
    <div className="app" data-testid="app">
      <Toolbar
        ref={searchRef}
        query={query}
        onQuery={changeQuery}
        onSaveSearch={saveSearch}
        queryInvalid={queryInvalid}
        selectedCount={ids.length}
        inTrash={inTrash}
        trashCount={viewCounts.trash}
        onImport={imp.pick}
        {...toolbarHandlers}
      />
      <input
        ref={fileInputRef}
        type="file"
        multiple
        hidden
        onChange={(e) => {
          void imp.importFileList(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
        data-testid="file-input"
      />
      {error && (
        <div className="error-banner" role="alert">
          {t('error.generic', { message: error })}
          <button type="button" className="link-button" onClick={() => setError(null)}>
            {t('error.dismiss')}
          </button>
        </div>
      )}
      <div className="panes">
        <Sidebar
          filter={searching ? SEARCH_FILTER : filter}
          viewCounts={viewCounts}
          tags={lib.tags}
          publications={publications}
          savedSearches={savedSearches}
          activeQuery={query.trim()}
          onFilter={onFilter}
          onManageTag={onManageTag}
          onRunSaved={onRunSaved}
          onRemoveSaved={removeSaved}
        />
        {showFirstRun && (
          <FirstRun
            onSample={() => api.importSample().then((r) => startJob(r), onError)}
            onPick={imp.pick}
          />
        )}
        <section
          className="list-pane"
          aria-label={t('list.label')}
          data-testid="list-pane"
          hidden={showFirstRun}
        >
          {searching ? (
            <SearchResults
              query={search.query}
              response={search.response}
              error={search.error}
              selection={selection}
              onRowClick={onRowClick}
              onKeyDown={onHitKey}
              onFacet={onFacet}
              onMore={search.loadMore}
              loadingMore={search.loadingMore}
              langOf={langOf}
            />
          ) : (
            <>
              <ListHeader count={all ? visible.length : null} sort={sort} onSort={setSort} />
              <ArticleList
                items={visible}
                selection={selection}
                onRowClick={onRowClick}
                onMove={onMove}
                onSelectAll={onSelectAll}
                onOpen={onOpen}
                onDelete={onDelete}
                emptyText={t(EMPTY_TEXT[filter.tag || filter.siteName ? 'all' : filter.view])}
                listRef={listRef}
              />
            </>
          )}
        </section>
        <Reader
          hidden={showFirstRun}
          ref={readerRef}
          focusId={selection.focus}
          selectedCount={ids.length}
          version={
            focusSummary
              ? `${focusSummary.tags.join('\u0001')}|${focusSummary.deletedAt ?? ''}`
              : ''
          }
          tagProps={tagProps}
          onArticleChanged={actions.articleChanged}
          onNoteSaved={actions.noteSaved}
        />
      </div>
      {job && (
        <JobPanel
          key={job.jobId}
          jobId={job.jobId}
          title={t(job.kind === 'import' ? 'import.title' : 'export.title')}
          onFinished={jobFinished}
          onClose={closeJob}
        />
      )}
      {imp.dragging && (
        <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
          {t('import.dropHere')}
        </div>
      )}
      <Dialogs
        state={dialog}
        ids={ids}
        settings={settings}
        tags={lib.tags}
        actions={actions}
        onSettings={onSettings}
        onExportStarted={(r) => startJob(r, 'export')}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
