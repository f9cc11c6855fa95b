/**
 * Markdown note with preview and debounced autosave. Mount it keyed by article id so
 * switching articles starts fresh; a pending save is flushed on unmount.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FolioErrorData } from '../../../shared/errors';
import type { Note } from '../../../shared/model';
import { useApi } from '../api/api-context';
import { useErrorText, useT } from '../i18n/i18n-context';
import { errorOf } from '../lib/errors';
import { renderMarkdown } from '../lib/sanitize';
import { interceptLinkClick } from './ArticleBody';

export const NOTE_SAVE_DELAY_MS = 600;

export interface NoteEditorProps {
  id: string;
  initial: string;
  onSaved: (id: string, note: Note | null) => void;
}

type Status = 'idle' | 'saving' | 'saved' | { error: FolioErrorData };

/** Note editor for one article. */
export function NoteEditor({ id, initial, onSaved }: NoteEditorProps) {
  const api = useApi();
  const t = useT();
  const errorText = useErrorText();
  const [text, setText] = useState(initial);
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  const [status, setStatus] = useState<Status>('idle');
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; text: string } | null>(null);
  const saveRef = useRef<(value: string) => void>(() => {});

  useEffect(() => {
    saveRef.current = (value: string) => {
      setStatus('saving');
      api.setNote({ id, markdown: value }).then(
        (note) => {
          setStatus('saved');
          onSaved(id, note);
        },
        (err: unknown) => setStatus({ error: errorOf(err) }),
      );
    };
  }, [api, id, onSaved]);

  // Flush a pending save when the editor goes away (article switched).
  useEffect(
    () => () => {
      const p = pending.current;
      if (p) {
        clearTimeout(p.timer);
        saveRef.current(p.text);
      }
    },
    [],
  );

  const change = (value: string): void => {
    setText(value);
    if (pending.current) clearTimeout(pending.current.timer);
    const timer = setTimeout(() => {
      pending.current = null;
      saveRef.current(value);
    }, NOTE_SAVE_DELAY_MS);
    pending.current = { timer, text: value };
  };

  const preview = useMemo(() => (tab === 'preview' ? renderMarkdown(text) : ''), [tab, text]);
  const statusText =
    status === 'saving'
      ? t('notes.saving')
      : status === 'saved'
        ? t('notes.saved')
        : status === 'idle'
          ? ''
          : t('notes.error', { message: errorText(status.error) });

  return (
    <div className="note-editor" data-testid="note-editor">
      <div className="tabs" role="tablist" aria-label={t('notes.label')}>
        {(['edit', 'preview'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? 'tab active' : 'tab'}
            onClick={() => setTab(k)}
          >
            {t(k === 'edit' ? 'notes.edit' : 'notes.preview')}
          </button>
        ))}
        <span className="note-status" role="status">
          {statusText}
        </span>
      </div>
      {tab === 'edit' ? (
        <textarea
          className="note-text"
          value={text}
          onChange={(e) => change(e.target.value)}
          placeholder={t('notes.placeholder')}
          aria-label={t('notes.label')}
          rows={6}
          data-testid="note-input"
        />
      ) : text.trim() === '' ? (
        <p className="muted">{t('notes.empty')}</p>
      ) : (
        <div
          className="note-preview"
          onClick={(e) => interceptLinkClick(e, (url) => void api.openExternal({ url }))}
          dangerouslySetInnerHTML={{ __html: preview }}
        />
      )}
    </div>
  );
}
