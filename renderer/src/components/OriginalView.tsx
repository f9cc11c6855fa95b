/**
 * The original dump as plain text: React escapes it, nothing in it runs or renders.
 */
import { useEffect, useState } from 'react';
import type { OriginalFile } from '../../../shared/api';
import type { FolioErrorData } from '../../../shared/errors';
import { useApi } from '../api/api-context';
import { useErrorText, useT } from '../i18n/i18n-context';
import { errorOf } from '../lib/errors';

/** Shows the original file of an article. */
export function OriginalView({ id }: { id: string }) {
  const api = useApi();
  const t = useT();
  const errorText = useErrorText();
  const [state, setState] = useState<{
    id: string;
    file?: OriginalFile;
    error?: FolioErrorData;
  } | null>(null);
  useEffect(() => {
    let live = true;
    api.getOriginal({ id }).then(
      (file) => live && setState({ id, file }),
      (err: unknown) => live && setState({ id, error: errorOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, id]);
  if (!state || state.id !== id) return <p className="muted">{t('list.loading')}</p>;
  if (state.error)
    return <p role="alert">{t('reader.loadError', { message: errorText(state.error) })}</p>;
  return (
    <div data-testid="original-view">
      <p className="muted">
        {state.file?.fileName} —{' '}
        {t('reader.originalNote', { encoding: state.file?.encoding ?? '' })}
      </p>
      <pre className="original-text">{state.file?.text}</pre>
    </div>
  );
}
