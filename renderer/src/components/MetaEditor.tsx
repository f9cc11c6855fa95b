/**
 * Correct title, authors, publication, date and URL; each edited field shows the parsed
 * value and can be reverted to it.
 */
import { useState } from 'react';
import type { FolioErrorData } from '../../../shared/errors';
import { EDITABLE_FIELDS, type Article, type EditableField } from '../../../shared/model';
import { useApi } from '../api/api-context';
import { useErrorText, useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { errorOf } from '../lib/errors';
import { fieldText, isEdited, parseFieldText } from '../lib/meta-form';

const LABELS: Record<EditableField, MessageKey> = {
  title: 'meta.title',
  authors: 'meta.authors',
  siteName: 'meta.siteName',
  publishedAt: 'meta.publishedAt',
  url: 'meta.url',
};

export interface MetaEditorProps {
  article: Article;
  onChange: (article: Article) => void;
}

/** The metadata form; mount keyed by article id and updatedAt so inputs reset after saves. */
export function MetaEditor({ article, onChange }: MetaEditorProps) {
  const api = useApi();
  const t = useT();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Record<EditableField, string>>(() => {
    const d = {} as Record<EditableField, string>;
    for (const f of EDITABLE_FIELDS) d[f] = fieldText(article, f);
    return d;
  });
  const [error, setError] = useState<FolioErrorData | null>(null);

  const run = (p: Promise<Article>): void => {
    p.then(
      (a) => {
        setError(null);
        onChange(a);
      },
      (err: unknown) => setError(errorOf(err)),
    );
  };
  const save = (field: EditableField): void => {
    if (draft[field] === fieldText(article, field)) return;
    run(api.setMeta({ id: article.id, field, value: parseFieldText(field, draft[field]) }));
  };
  const anyEdited = EDITABLE_FIELDS.some((f) => isEdited(article, article.parsed, f));

  return (
    <form
      className="meta-editor"
      data-testid="meta-editor"
      onSubmit={(e) => {
        e.preventDefault();
        for (const f of EDITABLE_FIELDS) save(f);
      }}
    >
      {EDITABLE_FIELDS.map((field) => {
        const edited = isEdited(article, article.parsed, field);
        const inputId = `meta-${field}`;
        return (
          <div key={field} className="meta-row">
            <label htmlFor={inputId}>{t(LABELS[field])}</label>
            <input
              id={inputId}
              type={field === 'publishedAt' ? 'date' : field === 'url' ? 'url' : 'text'}
              value={draft[field]}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
              onBlur={() => save(field)}
            />
            {edited && (
              <div className="meta-parsed">
                <span className="muted">
                  {t('meta.parsed', { value: fieldText(article.parsed, field) || '—' })}
                </span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => run(api.revertMeta({ id: article.id, fields: [field] }))}
                >
                  {t('meta.revert')}
                </button>
              </div>
            )}
          </div>
        );
      })}
      {error && <p role="alert">{t('meta.error', { message: errorText(error) })}</p>}
      <div className="meta-actions">
        <button type="submit">{t('meta.save')}</button>
        {anyEdited && (
          <button type="button" onClick={() => run(api.revertMeta({ id: article.id }))}>
            {t('meta.revertAll')}
          </button>
        )}
      </div>
    </form>
  );
}
