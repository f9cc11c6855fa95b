/**
 * Tag chips for the current selection with an autocompleting input. Every action applies
 * to all selected articles.
 */
import { useId, useState, type FormEvent } from 'react';
import { cleanTag } from '../../../shared/tags';
import type { SelectionTag } from '../lib/tag-summary';
import { suggestTags } from '../lib/tag-summary';
import { useT } from '../i18n/i18n-context';

export interface TagEditorProps {
  tags: SelectionTag[];
  total: number;
  knownTags: string[];
  onAdd: (tags: string[]) => void;
  onRemove: (tag: string) => void;
}

/** Chips plus an add-tag input. */
export function TagEditor({ tags, total, knownTags, onAdd, onRemove }: TagEditorProps) {
  const t = useT();
  const listId = useId();
  const [text, setText] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const parts = text.split(/[,，]/).map(cleanTag).filter(Boolean);
    if (parts.length > 0) onAdd(parts);
    setText('');
  };
  const suggestions = suggestTags(
    knownTags,
    text,
    tags.filter((x) => x.count === total).map((x) => x.tag),
  );
  return (
    <div className="tag-editor" role="group" aria-label={t('tags.label')} data-testid="tag-editor">
      <ul className="chips">
        {tags.map(({ tag, count }) => (
          <li key={tag} className={count < total ? 'chip partial' : 'chip'}>
            <span>{tag}</span>
            {count < total && (
              <span className="chip-note">{t('tags.partial', { count, total })}</span>
            )}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('tags.remove', { tag })}
              title={t('tags.remove', { tag })}
              onClick={() => onRemove(tag)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="tag-form">
        <input
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          list={listId}
          placeholder={t('tags.addPlaceholder')}
          aria-label={t('tags.add')}
          data-testid="tag-input"
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </form>
    </div>
  );
}
