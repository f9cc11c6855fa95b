/**
 * Library mutations from the UI: each calls the API, then patches local state so the list
 * updates without reloading every summary.
 */
import { useMemo } from 'react';
import type { FolioApi } from '../../../shared/api';
import type { Article, Note } from '../../../shared/model';
import { notePreview } from '../../../shared/summary';
import type { Translate } from '../i18n/i18n-context';
import type { LibraryState } from './use-library';

export interface Actions {
  trash: (ids: string[]) => Promise<void>;
  restore: (ids: string[]) => Promise<void>;
  emptyTrash: (count: number) => Promise<void>;
  /** Deletes Trash items for good, after two confirmations. */
  deleteForever: (ids: string[]) => Promise<void>;
  addTags: (ids: string[], tags: string[]) => Promise<void>;
  removeTag: (ids: string[], tag: string) => Promise<void>;
  renameTag: (from: string, to: string) => Promise<void>;
  mergeTag: (from: string, to: string) => Promise<void>;
  deleteTag: (tag: string) => Promise<boolean>;
  articleChanged: (a: Article) => void;
  noteSaved: (id: string, note: Note | null) => void;
}

export interface ActionDeps {
  api: FolioApi;
  lib: LibraryState;
  confirm: (message: string, okLabel?: string) => Promise<boolean>;
  t: Translate;
  onError: (err: unknown) => void;
}

/** Builds the action set. */
export function useActions({ api, lib, confirm, t, onError }: ActionDeps): Actions {
  const { patch, refresh, refreshTags } = lib;
  return useMemo(() => {
    const guard =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R | undefined> => {
        try {
          return await fn(...args);
        } catch (err) {
          onError(err);
          return undefined;
        }
      };
    const now = (): string => new Date().toISOString();
    return {
      trash: guard(async (ids: string[]) => {
        if (
          ids.length === 0 ||
          !(await confirm(t('confirm.trash', { count: ids.length }), t('toolbar.trash')))
        )
          return;
        await api.trashArticles({ ids });
        const at = now();
        patch(ids, (s) => ({ ...s, deletedAt: at }));
        await refreshTags();
      }),
      restore: guard(async (ids: string[]) => {
        if (ids.length === 0) return;
        await api.restoreArticles({ ids });
        patch(ids, (s) => ({ ...s, deletedAt: null }));
        await refreshTags();
      }),
      emptyTrash: guard(async (count: number) => {
        if (!(await confirm(t('confirm.emptyTrash', { count }), t('toolbar.emptyTrash')))) return;
        if (!(await confirm(t('confirm.emptyTrashAgain'), t('toolbar.emptyTrash')))) return;
        await api.emptyTrash();
        await refresh();
      }),
      deleteForever: guard(async (ids: string[]) => {
        if (ids.length === 0) return;
        const count = ids.length;
        if (!(await confirm(t('confirm.deleteForever', { count }), t('toolbar.deleteForever'))))
          return;
        if (
          !(await confirm(t('confirm.deleteForeverAgain', { count }), t('toolbar.deleteForever')))
        )
          return;
        await api.deleteArticles({ ids });
        await refresh();
      }),
      addTags: guard(async (ids: string[], tags: string[]) => {
        if (ids.length === 0) return;
        await api.addTags({ ids, tags });
        patch(ids, (s) => ({ ...s, tags: [...new Set([...s.tags, ...tags])] }));
        await refreshTags();
      }),
      removeTag: guard(async (ids: string[], tag: string) => {
        await api.removeTags({ ids, tags: [tag] });
        patch(ids, (s) => ({ ...s, tags: s.tags.filter((x) => x !== tag) }));
        await refreshTags();
      }),
      renameTag: guard(async (from: string, to: string) => {
        await api.renameTag({ from, to });
        await refresh();
      }),
      mergeTag: guard(async (from: string, to: string) => {
        await api.mergeTags({ from: [from], to });
        await refresh();
      }),
      deleteTag: async (tag: string) => {
        const count = lib.tags.find((x) => x.tag === tag)?.count ?? 0;
        if (!(await confirm(t('tags.confirmDelete', { tag, count }), t('tags.delete'))))
          return false;
        try {
          await api.deleteTag({ tag });
          await refresh();
          return true;
        } catch (err) {
          onError(err);
          return false;
        }
      },
      articleChanged: (a: Article) =>
        patch([a.id], (s) => ({
          ...s,
          title: a.title,
          siteName: a.siteName,
          publishedAt: a.publishedAt,
        })),
      noteSaved: (id: string, note: Note | null) =>
        patch([id], (s) => ({
          ...s,
          hasNotes: note !== null,
          notePreview: note ? notePreview(note.markdown) : '',
        })),
    } as Actions;
  }, [api, patch, refresh, refreshTags, lib.tags, confirm, t, onError]);
}
