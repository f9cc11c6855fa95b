/**
 * One row of the article list. Memoised: a selection change re-renders only the rows
 * whose `selected`/`focused` flags changed.
 */
import { memo, type MouseEvent } from 'react';
import type { ListRow } from '../../../shared/list-rows';
import { formatDate } from '../lib/format';
import type { Modifiers } from '../lib/selection';

export interface ArticleRowProps {
  summary: ListRow;
  selected: boolean;
  focused: boolean;
  locale: string;
  /** Offset from the top of the list, in px (a number keeps memo effective). */
  top: number;
  height: number;
  noteLabel: string;
  onClick: (id: string, mods: Modifiers) => void;
  onOpen: (id: string) => void;
}

/** Element id used by aria-activedescendant. */
export const rowDomId = (id: string): string => `row-${id}`;

/** A list row. */
export const ArticleRow = memo(function ArticleRow(props: ArticleRowProps) {
  const { summary: s, selected, focused } = props;
  const click = (e: MouseEvent): void => {
    props.onClick(s.id, { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey });
  };
  const lang = s.lang || undefined;
  return (
    <div
      id={rowDomId(s.id)}
      role="option"
      aria-selected={selected}
      className={`row${selected ? ' selected' : ''}${focused ? ' focused' : ''}`}
      style={{ transform: `translateY(${props.top}px)`, height: props.height }}
      onMouseDown={(e) => {
        // Keep text from being selected on Shift+click.
        if (e.shiftKey) e.preventDefault();
      }}
      onClick={click}
      onDoubleClick={() => props.onOpen(s.id)}
      data-testid="article-row"
      data-id={s.id}
    >
      <div className="row-title" lang={lang}>
        {s.title}
      </div>
      <div className="row-meta">
        <span className="row-site">{s.siteName}</span>
        <span className="row-date">{formatDate(s.publishedAt, props.locale)}</span>
        {s.tags.map((tag) => (
          <span key={tag} className="chip chip-small">
            {tag}
          </span>
        ))}
        {s.hasNotes && (
          <span className="row-note" title={s.notePreview} aria-label={props.noteLabel}>
            ✎ {s.notePreview}
          </span>
        )}
      </div>
    </div>
  );
});
