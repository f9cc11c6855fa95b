/**
 * Copy citations for the selection in a chosen style.
 */
import { useEffect, useState } from 'react';
import { CITATION_STYLES, type CitationStyle } from '../../../shared/api';
import { useApi } from '../api/api-context';
import { useErrorText, useT } from '../i18n/i18n-context';
import { errorOf } from '../lib/errors';
import { Modal } from './Modal';

const STYLE_NAMES: Record<CitationStyle, string> = {
  apa: 'APA',
  mla: 'MLA',
  'chicago-author-date': 'Chicago (author-date)',
  'chicago-notes': 'Chicago (notes)',
  'gb-t-7714-numeric': 'GB/T 7714 (顺序编码)',
  'gb-t-7714-author-date': 'GB/T 7714 (著者-出版年)',
};

export interface CiteDialogProps {
  ids: string[];
  onClose: () => void;
}

/** Citation dialog: pick a style, see the text, copy it. */
export function CiteDialog({ ids, onClose }: CiteDialogProps) {
  const api = useApi();
  const t = useT();
  const errorText = useErrorText();
  const [style, setStyle] = useState<CitationStyle>('apa');
  const [result, setResult] = useState<{ style: CitationStyle; text: string } | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    let live = true;
    api.cite({ ids, style, format: 'text' }).then(
      (r) => live && setResult({ style, text: r.text }),
      (err: unknown) => live && setResult({ style, text: errorText(errorOf(err)) }),
    );
    return () => {
      live = false;
    };
  }, [api, ids, style, errorText]);
  const text = result?.style === style ? result.text : '';
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setMessage(t('cite.copied')),
      () => setMessage(t('cite.copyFailed')),
    );
  };
  return (
    <Modal title={t('cite.title')} onClose={onClose} testId="cite-dialog" wide>
      <div className="form-grid">
        <label htmlFor="cite-style">{t('cite.style')}</label>
        <select
          id="cite-style"
          value={style}
          onChange={(e) => setStyle(e.target.value as CitationStyle)}
        >
          {CITATION_STYLES.map((s) => (
            <option key={s} value={s}>
              {STYLE_NAMES[s]}
            </option>
          ))}
        </select>
      </div>
      <textarea
        className="cite-text"
        // The style's language is the citation's (its dates, its punctuation), whatever the
        // titles' script: English quotes stay proportional, GB/T keeps Chinese punctuation.
        lang={style.startsWith('gb-t') ? 'zh-Hans' : 'en'}
        readOnly
        value={text}
        rows={8}
        aria-label={t('cite.title')}
        data-testid="cite-text"
      />
      <p role="status">{message}</p>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('job.close')}
        </button>
        <button type="button" className="primary" onClick={copy} disabled={text === ''}>
          {t('cite.copy')}
        </button>
      </div>
    </Modal>
  );
}
