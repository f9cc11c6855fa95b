/**
 * Shown while the library is empty: a short guide and the sample import.
 */
import { useT } from '../i18n/i18n-context';

/** First-run welcome. */
export function FirstRun({ onSample, onPick }: { onSample: () => void; onPick: () => void }) {
  const t = useT();
  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h1 id="first-run-title">{t('firstRun.title')}</h1>
      <p>{t('firstRun.intro')}</p>
      <ol>
        <li>{t('firstRun.step1')}</li>
        <li>{t('firstRun.step2')}</li>
        <li>{t('firstRun.step3')}</li>
      </ol>
      <div className="modal-actions">
        <button type="button" onClick={onPick}>
          {t('toolbar.import')}
        </button>
        <button type="button" className="primary" onClick={onSample} data-testid="import-sample">
          {t('firstRun.sample')}
        </button>
      </div>
    </section>
  );
}
