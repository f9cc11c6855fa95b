/**
 * The root: loads settings, applies theme and language, and provides API, i18n and confirm.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FolioApi, Settings } from '../../../shared/api';
import { ApiContext } from '../api/api-context';
import { ConfirmProvider } from '../components/ConfirmDialog';
import { I18nContext, makeI18n } from '../i18n/i18n-context';
import { resolveLocale } from '../i18n/messages';
import { Workspace } from './Workspace';

const DEFAULT_SETTINGS: Settings = { theme: 'system', locale: 'auto', savedSearches: [] };

/** The application. */
export function App({ api }: { api: FolioApi }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    api.getSettings().then(setSettings, () => {
      // Defaults are fine when settings cannot be read; the library view reports real errors.
    });
  }, [api]);
  const updateSettings = useCallback(
    (patch: Partial<Settings>) => {
      setSettings((s) => ({ ...s, ...patch }));
      api.setSettings(patch).then(setSettings, () => {});
    },
    [api],
  );
  const locale = resolveLocale(settings.locale, navigator.language);
  const i18n = useMemo(() => makeI18n(locale), [locale]);

  useEffect(() => {
    const root = document.documentElement;
    root.lang = locale;
    if (settings.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = settings.theme;
  }, [locale, settings.theme]);

  return (
    <ApiContext.Provider value={api}>
      <I18nContext.Provider value={i18n}>
        <ConfirmProvider>
          <Workspace settings={settings} onSettings={updateSettings} />
        </ConfirmProvider>
      </I18nContext.Provider>
    </ApiContext.Provider>
  );
}
