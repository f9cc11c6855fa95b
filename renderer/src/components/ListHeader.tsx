/**
 * Count and sort controls above the article list.
 */
import { useT } from '../i18n/i18n-context';
import type { SortDir, SortKey } from '../lib/list-filter';

export interface ListHeaderProps {
  count: number | null;
  sort: { key: SortKey; dir: SortDir };
  onSort: (sort: { key: SortKey; dir: SortDir }) => void;
}

/** The list header. */
export function ListHeader({ count, sort, onSort }: ListHeaderProps) {
  const t = useT();
  const dirLabel = sort.dir === 'asc' ? t('list.sortAsc') : t('list.sortDesc');
  return (
    <div className="list-header">
      <span role="status" className="list-status">
        {count === null
          ? t('list.loading')
          : count === 1
            ? t('list.countOne')
            : t('list.count', { count })}
      </span>
      <label className="sort">
        <span>{t('list.sortBy')}</span>
        <select
          value={sort.key}
          onChange={(e) => onSort({ ...sort, key: e.target.value as SortKey })}
          data-testid="sort-key"
        >
          <option value="date">{t('list.sortDate')}</option>
          <option value="title">{t('list.sortTitle')}</option>
          <option value="siteName">{t('list.sortSite')}</option>
        </select>
      </label>
      <button
        type="button"
        className="icon-button"
        onClick={() => onSort({ ...sort, dir: sort.dir === 'asc' ? 'desc' : 'asc' })}
        aria-label={dirLabel}
        title={dirLabel}
        data-testid="sort-dir"
      >
        {sort.dir === 'asc' ? '↑' : '↓'}
      </button>
    </div>
  );
}
