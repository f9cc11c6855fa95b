/**
 * The search input with a query-syntax popover and "save search". Text an input method is still
 * composing (pinyin on its way to 美国总统) stays in the box and is not searched: each of those
 * drafts would be a search of its own, and the committed text would wait behind it.
 */
import { forwardRef, useState } from 'react';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';

/** Query syntax: an example (its sample words translated) and what it does. */
const SYNTAX: Array<[MessageKey, MessageKey]> = [
  ['syntax.termsCode', 'syntax.terms'],
  ['syntax.phraseCode', 'syntax.phrase'],
  ['syntax.excludeCode', 'syntax.exclude'],
  ['syntax.orCode', 'syntax.or'],
  ['syntax.tagCode', 'syntax.tag'],
  ['syntax.siteCode', 'syntax.site'],
  ['syntax.authorCode', 'syntax.author'],
  ['syntax.langCode', 'syntax.lang'],
  ['syntax.dateCode', 'syntax.date'],
  ['syntax.inTitleCode', 'syntax.inTitle'],
  ['syntax.notesCode', 'syntax.notes'],
];

export interface SearchBoxProps {
  value: string;
  onChange: (q: string) => void;
  /** Saves `query` as it was when "Save search" was clicked, whatever the box holds by then. */
  onSave: (name: string, query: string) => void;
  /** False while the query is malformed: "Save search" would keep a query that cannot run. */
  canSave: boolean;
}

/** Search box. */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(
  { value, onChange, onSave, canSave },
  ref,
) {
  const t = useT();
  const [help, setHelp] = useState(false);
  // The name being typed, and the query it will be saved with.
  const [naming, setNaming] = useState<{ name: string; query: string } | null>(null);
  // What the box shows while an input method composes; null when nothing is being composed.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div
      className="search"
      role="search"
      data-testid="search"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && help) {
          e.stopPropagation();
          setHelp(false);
        }
      }}
    >
      <input
        ref={ref}
        type="search"
        value={draft ?? value}
        onChange={(e) => {
          if (draft !== null) setDraft(e.target.value);
          else onChange(e.target.value);
        }}
        onCompositionStart={(e) => setDraft(e.currentTarget.value)}
        onCompositionEnd={(e) => {
          // Chromium sends the committed text in an input event before this one, Safari after it.
          setDraft(null);
          onChange(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          // Escape while composing cancels the composition, not the search.
          if (e.key === 'Escape' && value !== '' && draft === null) {
            e.preventDefault();
            onChange('');
          }
        }}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        data-testid="search-input"
      />
      <button
        type="button"
        className="icon-button"
        aria-expanded={help}
        aria-controls="query-help"
        aria-label={t('search.help')}
        title={t('search.help')}
        onClick={() => setHelp(!help)}
      >
        ?
      </button>
      {value.trim() !== '' && canSave && naming === null && (
        <button
          type="button"
          onClick={() => setNaming({ name: value.trim(), query: value.trim() })}
          data-testid="save-search"
        >
          {t('search.save')}
        </button>
      )}
      {naming !== null && (
        <form
          className="save-search-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (naming.name.trim()) onSave(naming.name.trim(), naming.query);
            setNaming(null);
          }}
        >
          <input
            autoFocus
            value={naming.name}
            onChange={(e) => setNaming({ ...naming, name: e.target.value })}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(null)}
            aria-label={t('search.saveName')}
          />
          <button type="submit">{t('meta.save')}</button>
        </form>
      )}
      {help && (
        <div
          id="query-help"
          className="popover"
          role="dialog"
          aria-label={t('syntax.title')}
          data-testid="query-help"
        >
          <h2>{t('syntax.title')}</h2>
          <dl className="syntax-list">
            {SYNTAX.map(([code, k]) => (
              <div key={k} className="syntax-row">
                <dt>
                  <code>{t(code)}</code>
                </dt>
                <dd>{t(k)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
});
