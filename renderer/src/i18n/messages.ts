/**
 * The one message catalogue. `zhHans` is typed against the keys of `en`, so a missing or
 * extra key fails `tsc`. Placeholders look like `{count}`.
 */
import { type Catalogue, en } from './en';
import { zhHans } from './zh-hans';
import { zhHant } from './zh-hant';

export { en, zhHans, zhHant };
export type { Catalogue, MessageKey } from './en';

export type Locale = 'en' | 'zh-Hans' | 'zh-Hant';

export const CATALOGUES: Record<Locale, Catalogue> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant };

/**
 * Fills `{name}` placeholders; `{count:article|articles}` prints the number with the singular
 * or plural word (English needs it; Chinese catalogues simply use `{count}`). Unknown
 * placeholders are left visible so they get noticed.
 */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(
    /\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g,
    (m, name: string, one?: string, other?: string) => {
      if (!(name in params)) return m;
      const value = params[name];
      if (one === undefined || other === undefined) return String(value);
      return `${value} ${Number(value) === 1 ? one : other}`;
    },
  );
}

/**
 * Picks the UI locale from the setting and the browser language: Traditional for a Traditional
 * script tag or a region that writes it (Taiwan, Hong Kong, Macau), else Simplified for Chinese.
 */
export function resolveLocale(setting: 'auto' | Locale, navigatorLanguage: string): Locale {
  if (setting !== 'auto') return setting;
  const tags = navigatorLanguage.toLowerCase().split(/[-_]/);
  // Cantonese is written in Traditional characters.
  if (tags[0] === 'yue') return tags.includes('hans') ? 'zh-Hans' : 'zh-Hant';
  if (tags[0] !== 'zh') return 'en';
  if (tags.includes('hans')) return 'zh-Hans';
  return tags.some((t) => t === 'hant' || t === 'tw' || t === 'hk' || t === 'mo')
    ? 'zh-Hant'
    : 'zh-Hans';
}
