/**
 * The virtualised article list: only the visible rows exist in the DOM, so 50,000
 * summaries scroll smoothly. Keys are mapped by `listKeyAction`.
 */
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { listKeyAction } from '../lib/list-keys';
import { rowPositions } from '../lib/positions';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ListRow } from '../../../shared/list-rows';
import { ArticleRow, rowDomId } from './ArticleRow';
import type { Modifiers, Selection } from '../lib/selection';
import { useLocale, useT } from '../i18n/i18n-context';

export const ROW_HEIGHT = 60;

export interface ArticleListProps {
  items: ListRow[];
  selection: Selection;
  onRowClick: (id: string, mods: Modifiers) => void;
  onMove: (delta: number, extend: boolean) => void;
  onSelectAll: () => void;
  onOpen: (id: string) => void;
  onDelete: () => void;
  /** What an empty list says (it depends on the view). */
  emptyText: string;
  listRef?: React.RefObject<HTMLDivElement | null>;
}

/** Virtualised, keyboard-driven article list. */
export function ArticleList(props: ArticleListProps) {
  const t = useT();
  const locale = useLocale();
  const ownRef = useRef<HTMLDivElement>(null);
  const scrollRef = props.listRef ?? ownRef;
  const { items, selection, onMove, onSelectAll, onOpen, onDelete } = props;
  // The virtualizer re-measures every row (50,000 objects) whenever getItemKey changes, so it must
  // stay the same function across renders (a click re-renders the list to mark the selection).
  const getItemKey = useCallback((i: number) => items[i]?.id ?? i, [items]);
  // The virtualizer returns fresh functions each render; the compiler rule knows it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey,
  });

  // One index per list, so moving the focus does not scan 50,000 rows on every render, and
  // remounting the list after a search does not rebuild it.
  const indexOf = rowPositions(items);
  const focusIndex = selection.focus === null ? -1 : (indexOf.get(selection.focus) ?? -1);
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
  }, [focusIndex, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const page = Math.max(1, Math.floor(e.currentTarget.clientHeight / ROW_HEIGHT) - 1);
    const action = listKeyAction(e, page, items.length);
    if (!action) return;
    e.preventDefault();
    if (action.type === 'move') onMove(action.delta, action.extend);
    else if (action.type === 'selectAll') onSelectAll();
    else if (action.type === 'open' && selection.focus !== null) onOpen(selection.focus);
    else if (action.type === 'delete') onDelete();
  };

  const noteLabel = t('list.hasNote');
  return (
    <div
      ref={scrollRef}
      className="list-scroll"
      role="listbox"
      aria-label={t('list.label')}
      aria-multiselectable="true"
      aria-activedescendant={selection.focus !== null ? rowDomId(selection.focus) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="article-list"
    >
      {items.length === 0 && <p className="list-empty">{props.emptyText}</p>}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const s = items[v.index] as ListRow;
          return (
            <ArticleRow
              key={s.id}
              summary={s}
              selected={selection.ids.has(s.id)}
              focused={selection.focus === s.id}
              locale={locale}
              noteLabel={noteLabel}
              top={v.start}
              height={ROW_HEIGHT}
              onClick={props.onRowClick}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
