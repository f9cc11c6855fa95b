/**
 * The reader pane: header, tags for the selection, note, details, and the clean article
 * (or its original file as text).
 */
import { forwardRef, memo, useEffect, useState } from 'react';
import type { FolioErrorData } from '../../../shared/errors';
import type { Article, Note } from '../../../shared/model';
import { useApi } from '../api/api-context';
import { useErrorText, useLocale, useT } from '../i18n/i18n-context';
import { errorOf } from '../lib/errors';
import { formatDate, isExternalUrl } from '../lib/format';
import { ArticleBody } from './ArticleBody';
import { MetaEditor } from './MetaEditor';
import { NoteEditor } from './NoteEditor';
import { OriginalView } from './OriginalView';
import { TagEditor, type TagEditorProps } from './TagEditor';

export interface ReaderProps {
  hidden?: boolean;
  focusId: string | null;
  selectedCount: number;
  /** Bumps when the focused summary changes elsewhere (tags), so the article reloads. */
  version: string;
  tagProps: TagEditorProps;
  onArticleChanged: (article: Article) => void;
  onNoteSaved: (id: string, note: Note | null) => void;
}

type Loaded = { id: string; version: string; article?: Article; error?: FolioErrorData };

/** The reader region. */
const ReaderPane = forwardRef<HTMLElement, ReaderProps>(function Reader(props, ref) {
  const api = useApi();
  const t = useT();
  const errorText = useErrorText();
  const locale = useLocale();
  const { focusId, version } = props;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [showOriginal, setShowOriginal] = useState(false);

  useEffect(() => {
    if (focusId === null) return;
    let live = true;
    api.getArticle({ id: focusId }).then(
      (article) => live && setLoaded({ id: focusId, version, article }),
      (err: unknown) => live && setLoaded({ id: focusId, version, error: errorOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, focusId, version]);

  const openExternal = (url: string): void => {
    if (isExternalUrl(url)) void api.openExternal({ url });
  };
  const article = loaded && loaded.id === focusId ? loaded.article : undefined;
  const changed = (a: Article): void => {
    setLoaded({ id: a.id, version, article: a });
    props.onArticleChanged(a);
  };

  let content;
  if (focusId === null) {
    content = <p className="reader-empty">{t('reader.none')}</p>;
  } else if (loaded?.id === focusId && loaded.error) {
    content = <p role="alert">{t('reader.loadError', { message: errorText(loaded.error) })}</p>;
  } else if (!article) {
    content = <p className="muted">{t('list.loading')}</p>;
  } else {
    const byline = article.byline || article.authors.join(', ');
    content = (
      <article
        className="reader-article"
        lang={article.lang || undefined}
        data-testid="reader-article"
      >
        {article.deletedAt && <p className="banner">{t('reader.inTrash')}</p>}
        <header className="reader-header">
          <p className="reader-kicker">
            <span>{article.siteName}</span>
            {article.publishedAt && (
              <time dateTime={article.publishedAt}>{formatDate(article.publishedAt, locale)}</time>
            )}
          </p>
          <h1 className="reader-title">{article.title}</h1>
          {byline && <p className="reader-byline">{t('reader.by', { authors: byline })}</p>}
          <p className="reader-links">
            {article.url && (
              <a
                href={article.url}
                onClick={(e) => {
                  e.preventDefault();
                  openExternal(article.url);
                }}
                data-testid="source-link"
              >
                {t('reader.source')} ↗
              </a>
            )}
            <button
              type="button"
              className="link-button"
              aria-pressed={showOriginal}
              onClick={() => setShowOriginal(!showOriginal)}
              data-testid="view-original"
            >
              {showOriginal ? t('reader.viewClean') : t('reader.viewOriginal')}
            </button>
          </p>
        </header>
        <TagEditor {...props.tagProps} />
        <details className="reader-section" open={article.notes !== null}>
          <summary>{t('notes.label')}</summary>
          <NoteEditor
            key={article.id}
            id={article.id}
            initial={article.notes?.markdown ?? ''}
            onSaved={props.onNoteSaved}
          />
        </details>
        <details className="reader-section">
          <summary>{t('meta.edit')}</summary>
          <MetaEditor
            key={`${article.id}:${article.updatedAt}`}
            article={article}
            onChange={changed}
          />
        </details>
        {showOriginal ? (
          <OriginalView id={article.id} />
        ) : (
          <ArticleBody
            html={article.contentHtml}
            lang={article.lang}
            images={article.images}
            onExternal={openExternal}
          />
        )}
      </article>
    );
  }

  return (
    <main
      ref={ref}
      hidden={props.hidden}
      className="reader"
      aria-label={t('reader.label')}
      tabIndex={-1}
      data-testid="reader"
    >
      {props.selectedCount > 1 && (
        <p className="banner">{t('reader.multi', { count: props.selectedCount })}</p>
      )}
      {content}
    </main>
  );
});

/** Memoised: typing a search, or its answer, leaves the open article alone. */
export const Reader = memo(ReaderPane);
