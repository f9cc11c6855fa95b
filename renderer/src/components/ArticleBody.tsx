/**
 * The clean article HTML, sanitised again and with link clicks intercepted: links open
 * through `api.openExternal`, the window itself never navigates.
 */
import { memo, useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { ImageRef } from '../../../shared/model';
import { useT } from '../i18n/i18n-context';
import { sanitizeArticleHtml } from '../lib/sanitize';
import { isExternalUrl } from '../lib/format';
import { watchMissingImages } from '../lib/missing-images';

export interface ArticleBodyProps {
  html: string;
  lang: string;
  images: ImageRef[];
  onExternal: (url: string) => void;
}

/** Routes a click on any link inside the body to the external opener. */
export function interceptLinkClick(e: MouseEvent, onExternal: (url: string) => void): void {
  const target = e.target as Element | null;
  const a = target?.closest?.('a');
  if (!a) return;
  e.preventDefault();
  const href = a.getAttribute('href') ?? '';
  if (isExternalUrl(href)) onExternal(href);
}

/** Sanitised article body plus any images the body HTML does not already show. */
export const ArticleBody = memo(function ArticleBody({
  html,
  lang,
  images,
  onExternal,
}: ArticleBodyProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const clean = useMemo(() => sanitizeArticleHtml(html), [html]);
  const missingLabel = t('reader.imageMissing');
  // A layout effect: it listens before any image of the new body can have failed unheard.
  useLayoutEffect(() => {
    const el = ref.current;
    return el ? watchMissingImages(el, missingLabel) : undefined;
  }, [clean, missingLabel]);
  const extra = useMemo(
    () => images.filter((img) => img.src && !html.includes(img.src)),
    [images, html],
  );
  return (
    <div
      ref={ref}
      className="article-body"
      lang={lang || undefined}
      onClick={(e) => interceptLinkClick(e, onExternal)}
    >
      <div dangerouslySetInnerHTML={{ __html: clean }} />
      {extra.map((img) => (
        <figure key={img.src}>
          <img src={img.src} alt={img.alt} loading="lazy" />
          {(img.caption || img.credit) && (
            <figcaption>
              {img.caption} {img.credit && <small className="credit">{img.credit}</small>}
            </figcaption>
          )}
        </figure>
      ))}
    </div>
  );
});
