/**
 * Rehearses the reader and a search hit once, out of sight, when the window first goes idle with
 * its list shown. The first article opened otherwise pays for work no later one repeats: Chromium
 * resolving the reader's fonts (serif faces at the title and body sizes, for each script) and
 * shaping with them, and the sanitiser's first run — about 30 ms of a first click measured on a
 * 50,000-article library. A hidden copy of the reader's markup, written with real titles so it
 * uses the library's own scripts, is laid out once and removed.
 */
import { sanitizeArticleHtml } from './sanitize';

/** A row of the list, as much as the rehearsal needs. */
export interface WarmUpSample {
  title: string;
  lang: string;
  siteName: string;
}

/** Languages rehearsed: each script resolves its own fallback fonts. */
const MAX_LANGS = 3;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Up to three samples per language, for the first few languages of `rows`. */
export function pickSamples(rows: readonly WarmUpSample[]): WarmUpSample[][] {
  const byLang = new Map<string, WarmUpSample[]>();
  for (const row of rows) {
    if (!row.title) continue;
    let group = byLang.get(row.lang);
    if (!group) {
      if (byLang.size >= MAX_LANGS) continue;
      byLang.set(row.lang, (group = []));
    }
    if (group.length < 3) group.push(row);
  }
  return [...byLang.values()];
}

/** The reader's article markup (and a search hit) for one language, with its text styles. */
function specimen(group: WarmUpSample[]): string {
  const [a, b = a, c = b] = group.map((s) => escapeHtml(s.title)) as [string, string?, string?];
  const { lang, siteName } = group[0]!;
  const l = escapeHtml(lang);
  const body = sanitizeArticleHtml(
    `<p>${a} <strong>${b}</strong> <em>${c}</em> <a href="#">${a}</a></p>` +
      `<h2>${b}</h2><blockquote><p>${c}</p></blockquote>` +
      `<figure><figcaption>${a} <small class="credit">${b}</small></figcaption></figure>`,
  );
  return (
    `<article class="reader-article" lang="${l}"><header class="reader-header">` +
    `<p class="reader-kicker"><span>${escapeHtml(siteName)}</span><time>${b}</time></p>` +
    `<h1 class="reader-title">${a}</h1><p class="reader-byline">${c}</p>` +
    `<p class="reader-links"><a href="#">${b}</a></p></header>` +
    `<details class="reader-section"><summary>${c}</summary></details>` +
    `<div class="article-body" lang="${l}"><div>${body}</div></div></article>` +
    `<div class="hit" lang="${l}"><div class="row-title">${a} <mark>${b}</mark></div>` +
    `<p class="hit-snippet">${c} <mark>${a}</mark></p></div>`
  );
}

/**
 * Lays the specimens out in `doc` and removes them again, synchronously: fonts are resolved and
 * text shaped during layout, so nothing needs to be painted.
 */
export function rehearse(doc: Document, rows: readonly WarmUpSample[]): void {
  const groups = pickSamples(rows);
  if (groups.length === 0) return;
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.inert = true;
  box.style.cssText =
    'position:fixed;left:-10000px;top:0;width:720px;visibility:hidden;pointer-events:none';
  box.innerHTML = groups.map(specimen).join('');
  doc.body.append(box);
  // Reading a layout property lays the page out now, while the window is idle.
  void box.offsetHeight;
  box.remove();
}

type IdleWindow = Pick<Window, 'setTimeout' | 'clearTimeout'> &
  Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>>;

/**
 * Runs `rehearse` in the window's next idle period (at the latest after 2 s) with the rows `rows()`
 * gives then; returns a cancel.
 */
export function scheduleWarmUp(
  win: IdleWindow & { document: Document },
  rows: () => readonly WarmUpSample[],
): () => void {
  const run = (): void => rehearse(win.document, rows());
  if (win.requestIdleCallback && win.cancelIdleCallback) {
    const id = win.requestIdleCallback(run, { timeout: 2000 });
    return () => win.cancelIdleCallback!(id);
  }
  const id = win.setTimeout(run, 200);
  return () => win.clearTimeout(id);
}
