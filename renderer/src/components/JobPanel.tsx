/**
 * Progress of an import or export: a bar, counts, the current file, then a per-file result
 * list whose errors say what to do.
 */
import { useEffect, useState } from 'react';
import type { JobItemStatus, JobStatus } from '../../../shared/api';
import type { FolioErrorData } from '../../../shared/errors';
import { useApi } from '../api/api-context';
import { useErrorText, useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { pollJob } from '../lib/job-poll';
import { errorOf } from '../lib/errors';

const STATUS_LABEL: Record<JobItemStatus, MessageKey> = {
  imported: 'job.imported',
  duplicate: 'job.duplicate',
  version: 'job.version',
  failed: 'job.failed',
  exported: 'job.exported',
};

export interface JobPanelProps {
  jobId: string;
  title: string;
  onFinished: (status: JobStatus) => void;
  onClose: () => void;
}

/** Polls a job and shows its progress; stays open with results until closed. */
export function JobPanel({ jobId, title, onFinished, onClose }: JobPanelProps) {
  const api = useApi();
  const t = useT();
  const errorText = useErrorText();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [pollError, setPollError] = useState<FolioErrorData | null>(null);
  const [showError, setShowError] = useState<FolioErrorData | null>(null);

  useEffect(() => {
    let cancelled = false;
    pollJob(api, jobId, (s) => !cancelled && setStatus(s), { cancelled: () => cancelled }).then(
      (final) => {
        if (!cancelled && final.finished) onFinished(final);
      },
      (err: unknown) => !cancelled && setPollError(errorOf(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [api, jobId, onFinished]);

  const failed = status?.results.filter((r) => r.status === 'failed').length ?? 0;
  const ok = (status?.results.length ?? 0) - failed;
  return (
    <section className="job-panel" aria-label={title} data-testid="job-panel">
      <header className="job-header">
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('job.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {status && (
        <>
          <progress max={Math.max(1, status.total)} value={status.done} aria-label={title} />
          <p role="status">
            {t('job.progress', { done: status.done, total: status.total })}
            {status.finished
              ? ` — ${t('job.finishedSummary', { ok, failed })}`
              : status.current && ` — ${t('job.current', { file: status.current })}`}
          </p>
          {status.error && (
            <p role="alert" className="error">
              {t('job.error', { message: errorText(status.error) })}
            </p>
          )}
          {status.output?.savedTo && (
            <p className="job-saved">
              {t('export.savedTo', { path: status.output.savedTo })}{' '}
              <button
                type="button"
                onClick={() => {
                  setShowError(null);
                  api.showExport({ jobId }).catch((err: unknown) => setShowError(errorOf(err)));
                }}
                data-testid="export-show"
              >
                {t('export.show')}
              </button>
              {showError && (
                <span role="alert" className="error">
                  {' '}
                  {errorText(showError)}
                </span>
              )}
            </p>
          )}
          {status.output?.downloadUrl && (
            <p>
              <a href={status.output.downloadUrl} download data-testid="export-download">
                {t('export.download')}
              </a>
            </p>
          )}
          {status.results.length > 0 && (
            <ul className="job-results" data-testid="job-results">
              {status.results.map((r, i) => (
                <li key={`${r.file}-${i}`} className={r.status === 'failed' ? 'error' : undefined}>
                  <span className="job-file">{r.file}</span>{' '}
                  <span className="job-status">{t(STATUS_LABEL[r.status])}</span>
                  {r.error && (
                    // The core's message stays at hand (in English) where the hint replaces it.
                    <span className="job-hint" title={r.error.message}>
                      {' '}
                      — {errorText(r.error)}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {pollError && <p role="alert">{t('job.error', { message: errorText(pollError) })}</p>}
    </section>
  );
}
