/**
 * Export the selection: format and options, then hands the job to the progress panel.
 */
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type JobRef } from '../../../shared/api';
import { useApi } from '../api/api-context';
import { useErrorText, useT } from '../i18n/i18n-context';
import { errorOf } from '../lib/errors';
import { Modal } from './Modal';

const FORMAT_NAMES: Record<ExportFormat, string> = {
  md: 'Markdown',
  pdf: 'PDF',
  html: 'HTML',
  bibtex: 'BibTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON',
};

export interface ExportDialogProps {
  ids: string[];
  onStarted: (job: JobRef) => void;
  onClose: () => void;
}

/** The export dialog. */
export function ExportDialog({ ids, onStarted, onClose }: ExportDialogProps) {
  const api = useApi();
  const t = useT();
  const errorText = useErrorText();
  const [format, setFormat] = useState<ExportFormat>('md');
  const [includeNotes, setIncludeNotes] = useState(true);
  const [assets, setAssets] = useState(false);
  // Markdown saves images beside each file; HTML carries them inside as data: URIs.
  const withImages = format === 'md' || format === 'html';
  const [zip, setZip] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = (): void => {
    api.exportArticles({ ids, format, includeNotes, assets: withImages && assets, zip }).then(
      (job) => {
        onStarted(job);
        onClose();
      },
      (err: unknown) => setError(errorText(errorOf(err))),
    );
  };
  return (
    <Modal title={t('export.title')} onClose={onClose} testId="export-dialog">
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label htmlFor="export-format">{t('export.format')}</label>
        <select
          id="export-format"
          value={format}
          onChange={(e) => setFormat(e.target.value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={includeNotes}
            onChange={(e) => setIncludeNotes(e.target.checked)}
          />
          {t('export.includeNotes')}
        </label>
        {withImages && (
          <label className="check">
            <input type="checkbox" checked={assets} onChange={(e) => setAssets(e.target.checked)} />
            {t(format === 'html' ? 'export.embedImages' : 'export.assets')}
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={zip} onChange={(e) => setZip(e.target.checked)} />
          {t('export.zip')}
        </label>
        {error && <p role="alert">{error}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('confirm.cancel')}
          </button>
          <button type="submit" className="primary" disabled={ids.length === 0}>
            {t('export.start', { count: ids.length })}
          </button>
        </div>
      </form>
    </Modal>
  );
}
