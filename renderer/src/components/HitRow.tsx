/**
 * One search hit: highlighted title, publication, date and snippet. Memoised: a selection change
 * re-renders only the hits whose flags changed, and a keystroke none of them.
 */
import { memo } from 'react';
import type { SearchHit } from '../../../shared/api';
import { formatDate } from '../lib/format';
import type { Modifiers } from '../lib/selection';
import { rowDomId } from './ArticleRow';
import { Highlighted } from './Highlighted';

export interface HitRowProps {
  hit: SearchHit;
  selected: boolean;
  focused: boolean;
  locale: string;
  /** The article's language, so its title and snippet are set as that language's text. */
  lang?: string | undefined;
  onClick: (id: string, mods: Modifiers) => void;
}

/** A search hit. */
export const HitRow = memo(function HitRow({
  hit,
  selected,
  focused,
  locale,
  lang,
  onClick,
}: HitRowProps) {
  return (
    <div
      id={rowDomId(hit.id)}
      role="option"
      aria-selected={selected}
      className={`hit${selected ? ' selected' : ''}${focused ? ' focused' : ''}`}
      onClick={(e) => onClick(hit.id, { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey })}
      data-testid="search-hit"
    >
      <div className="row-title" lang={lang || undefined}>
        <Highlighted text={hit.title} ranges={hit.titleHighlights} />
      </div>
      <div className="row-meta">
        <span className="row-site">{hit.siteName}</span>
        <span className="row-date">{formatDate(hit.publishedAt, locale)}</span>
      </div>
      <p className="hit-snippet" lang={lang || undefined}>
        <Highlighted text={hit.snippet} ranges={hit.highlights} />
      </p>
    </div>
  );
});
