/**
 * The articles an import has just committed, kept until they are first read. The search index
 * reads every imported article right after its upsert event; handing it the article the import
 * already holds saves reading and decoding three files per import. An entry is only ever the
 * item exactly as committed: any edit or removal drops it first, and the oldest entries go when
 * readers fall behind, so a miss only costs the read from disk.
 */
import type { Article } from '../../../shared/model';

export interface JustImported {
  /** Keeps a just-committed article for its first reader. */
  put(article: Article): void;
  /** The article, removed from the hand-off; undefined when it is not there. */
  take(id: string): Article | undefined;
  /** Forgets an item that is about to change or go. */
  drop(id: string): void;
}

/** A hand-off holding at most `limit` articles, oldest dropped first. */
export function createJustImported(limit = 64): JustImported {
  const entries = new Map<string, Article>();
  return {
    put(article) {
      entries.delete(article.id);
      entries.set(article.id, article);
      if (entries.size > limit) entries.delete(entries.keys().next().value!);
    },
    take(id) {
      const article = entries.get(id);
      if (article) entries.delete(id);
      return article;
    },
    drop(id) {
      entries.delete(id);
    },
  };
}
