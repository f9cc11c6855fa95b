/**
 * Supplies the translate function to components. Components call `useT()`.
 */
import { createContext, useCallback, useContext } from 'react';
import type { FolioErrorData } from '../../../shared/errors';
import { errorText } from '../lib/errors';
import { CATALOGUES, format, type Locale, type MessageKey } from './messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
}

/** Builds the translator for a locale. */
export function makeI18n(locale: Locale): I18n {
  const cat = CATALOGUES[locale];
  return { locale, t: (key, params) => format(cat[key], params) };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

/** The current translator. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

/** The current locale (for date formatting). */
export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}

/** Words an error for the current language: what happened and what to do (see errorText). */
export function useErrorText(): (e: FolioErrorData) => string {
  const { t, locale } = useContext(I18nContext);
  return useCallback((e: FolioErrorData) => errorText(e, t(`hint.${e.code}`), locale), [t, locale]);
}
