/**
 * The library navigation: views, tags and publications with counts, saved searches.
 */
import { memo } from 'react';
import type { ListView, SavedSearch } from '../../../shared/api';
import type { TagCount } from '../../../shared/model';
import type { ListFilter, NamedCount } from '../lib/list-filter';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';

export interface SidebarProps {
  filter: ListFilter;
  viewCounts: Record<ListView, number>;
  tags: TagCount[];
  publications: NamedCount[];
  savedSearches: SavedSearch[];
  activeQuery: string;
  onFilter: (f: ListFilter) => void;
  onManageTag: (tag: string) => void;
  onRunSaved: (s: SavedSearch) => void;
  onRemoveSaved: (s: SavedSearch) => void;
}

const VIEWS: Array<{ view: ListView; label: MessageKey }> = [
  { view: 'all', label: 'nav.all' },
  { view: 'recent', label: 'nav.recent' },
  { view: 'untagged', label: 'nav.untagged' },
  { view: 'trash', label: 'nav.trash' },
];

interface NavItemProps {
  label: string;
  count?: number;
  active: boolean;
  onClick: () => void;
  testId?: string;
}

function NavItem({ label, count, active, onClick, testId }: NavItemProps) {
  return (
    <button
      type="button"
      className={active ? 'nav-item active' : 'nav-item'}
      aria-current={active ? 'page' : undefined}
      onClick={onClick}
      data-testid={testId}
    >
      {/* The title shows a name the sidebar's width cuts short. */}
      <span className="nav-label" title={label}>
        {label}
      </span>
      {count !== undefined && <span className="nav-count">{count}</span>}
    </button>
  );
}

/** Sidebar navigation. */
export const Sidebar = memo(function Sidebar(props: SidebarProps) {
  const t = useT();
  const { filter, onFilter } = props;
  const plain = filter.tag === undefined && filter.siteName === undefined;
  return (
    <nav className="sidebar" aria-label={t('nav.label')} data-testid="sidebar">
      <ul className="nav-list">
        {VIEWS.map(({ view, label }) => (
          <li key={view}>
            <NavItem
              label={t(label)}
              count={props.viewCounts[view]}
              active={plain && filter.view === view && props.activeQuery === ''}
              onClick={() => onFilter({ view })}
              testId={`nav-${view}`}
            />
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">{t('nav.tags')}</h2>
      <ul className="nav-list" data-testid="tag-list">
        {props.tags.length === 0 && <li className="nav-empty">{t('nav.noTags')}</li>}
        {props.tags.map(({ tag, count }) => (
          <li key={tag} className="nav-row">
            <NavItem
              label={tag}
              count={count}
              active={filter.tag === tag}
              onClick={() => onFilter({ view: 'all', tag })}
            />
            <button
              type="button"
              className="icon-button nav-more"
              aria-label={t('nav.manageTag', { tag })}
              title={t('nav.manageTag', { tag })}
              onClick={() => props.onManageTag(tag)}
            >
              ⋯
            </button>
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">{t('nav.publications')}</h2>
      <ul className="nav-list" data-testid="publication-list">
        {props.publications.length === 0 && (
          <li className="nav-empty">{t('nav.noPublications')}</li>
        )}
        {props.publications.map(({ value, count }) => (
          <li key={value}>
            <NavItem
              label={value}
              count={count}
              active={filter.siteName === value}
              onClick={() => onFilter({ view: 'all', siteName: value })}
            />
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">{t('nav.savedSearches')}</h2>
      <ul className="nav-list" data-testid="saved-searches">
        {props.savedSearches.length === 0 && <li className="nav-empty">{t('nav.noSaved')}</li>}
        {props.savedSearches.map((s) => (
          <li key={s.name} className="nav-row">
            <NavItem
              label={s.name}
              active={props.activeQuery === s.query}
              onClick={() => props.onRunSaved(s)}
            />
            <button
              type="button"
              className="icon-button nav-more"
              aria-label={t('nav.removeSaved', { name: s.name })}
              title={t('nav.removeSaved', { name: s.name })}
              onClick={() => props.onRemoveSaved(s)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
