/**
 * The library's search index: loaded from `<library>/index/` (rebuilt when missing or corrupt),
 * caught up with changes made while it was closed (per-item updatedAt), kept current through
 * library.onChange, and saved in the background.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SearchRequest, SearchResponse } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import type { Article } from '../../../shared/model';
import type { Library, LibraryEvent, SearchIndex } from '../ports';
import { buildDoc } from './article-doc';
import { norms } from './clause-scores';
import { encodeFolded } from './folded-form';
import { createFormChecker, defaultFormCheckWorkerFile } from './form-checks';
import { type EvalContext, type Evaluation, evaluate, rankMatches } from './evaluate';
import { filterTable } from './phrase-check';
import {
  type LoadedIndex,
  emptyIndex,
  loadIndex,
  saveDelta,
  saveCheckpoint,
  saveSnapshot,
} from './index-persistence';
import { isEmptyQuery, parseQuery } from './query-parser';
import { facetTable } from './facet-table';
import { buildResponse } from './search-response';
import type { AnalysisCache } from './text-analysis';

export interface OpenSearchIndexOptions {
  /** The library folder; the index lives in its `index/` subfolder. */
  dir: string;
  library: Library;
  /** Where background failures go (default: console.error). */
  onError?: (err: unknown) => void;
  /** Delay before changes are saved (ms). */
  flushDelayMs?: number;
  /**
   * When the index has to be built (first open, or missing/corrupt), return at once and build in
   * the background: searches see the articles indexed so far, and later calls (flush, rebuild,
   * close) wait for the build. Default false: the build finishes before openSearchIndex returns.
   */
  buildInBackground?: boolean;
  /** Progress of a build at open (articles done, total). */
  onBuildProgress?: (done: number, total: number) => void;
  /** Body texts analysed where they were parsed (imports), taken instead of analysing again. */
  analyses?: AnalysisCache;
  /**
   * The worker entry that shares a query's phrase checks (form-checks.ts); null checks in this
   * thread only. Default: the one beside this module or the bundle.
   */
  formCheckWorkerFile?: string | URL | null;
}

/** Articles indexed between yields of a background build (keeps searches answered meanwhile). */
const BUILD_BATCH = 200;

/** Changed articles read at once when the index catches up with the library. */
const REFRESH_CHUNK = 64;

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
/** Changed documents kept in the delta before the base is rewritten. */
const COMPACT_AFTER = 400;

function isNotFound(err: unknown): boolean {
  return err instanceof FolioError
    ? err.code === 'NOT_FOUND'
    : (err as { code?: unknown })?.code === 'NOT_FOUND';
}

/** Opens (or builds) the search index of a library. */
export async function openSearchIndex(opts: OpenSearchIndexOptions): Promise<SearchIndex> {
  const dir = join(opts.dir, 'index');
  const { library } = opts;
  const onError = opts.onError ?? ((err: unknown) => console.error('search index:', err));
  let idx: LoadedIndex;
  let fresh = false;
  try {
    idx = (await loadIndex(dir)) ?? ((fresh = true), await emptyIndex(dir, 0));
  } catch (err) {
    onError(err);
    fresh = true;
    idx = await emptyIndex(dir, 0);
  }
  let dirty = fresh;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  // Its worker starts on the first check large enough to share (in the app, the warm-up's), not
  // at open, where it would compete with drawing the list.
  const forms = createFormChecker({
    path: () => idx.texts.path,
    read: (ref, from, to) => idx.texts.readBytes(ref, from, to),
    workerFile:
      opts.formCheckWorkerFile === undefined
        ? defaultFormCheckWorkerFile()
        : opts.formCheckWorkerFile,
  });
  const ctx = (): EvalContext => ({
    state: idx.state,
    readStored: (rec) => idx.texts.read(rec.textRef),
    readStoredHead: (rec, maxBytes) => idx.texts.readHead(rec.textRef, maxBytes),
    readFoldedBytes: (rec, from, to) =>
      rec.foldRef ? idx.texts.readBytes(rec.foldRef, from, to) : null,
    checkForms: (needle, refs) => forms.check(needle, refs),
  });
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch(() => undefined);
    return next;
  };

  const indexArticle = (target: LoadedIndex, a: Article, keepTerms = true) => {
    const { rec, terms, stored, matchForm } = buildDoc(a, opts.analyses?.take(a.text));
    rec.textRef = stored ? target.texts.append(stored) : [0, 0];
    rec.foldRef = matchForm ? target.texts.appendBytes(encodeFolded(matchForm)) : [0, 0];
    target.state.add(rec, terms, keepTerms);
  };

  const refresh = async (ids: string[]) => {
    // Read a chunk concurrently, index it in order: one article at a time would leave the index
    // far behind a busy import (each read waits behind the import's own disk work), and chunks
    // keep a large batch from holding every article in memory at once.
    for (let at = 0; at < ids.length; at += REFRESH_CHUNK) {
      const chunk = ids.slice(at, at + REFRESH_CHUNK);
      const got = await Promise.allSettled(chunk.map((id) => library.get(id)));
      got.forEach((r, i) => {
        if (r.status === 'fulfilled') indexArticle(idx, r.value);
        else if (isNotFound(r.reason)) idx.state.remove(chunk[i]!);
        else throw r.reason;
      });
    }
    dirty = true;
  };

  const persist = async () => {
    if (!dirty) return;
    const pending = idx.state.pendingChanges();
    // The delta file is rewritten on every save, so it stays small; compaction is linear in the
    // whole index, so it waits for a batch of changes.
    // Compaction rewrites the whole base, so its threshold grows with the library: an import of
    // many articles into a large library does not rewrite the base every few hundred articles.
    const limit = Math.max(COMPACT_AFTER, idx.state.baseCount / 8);
    if (!idx.state.base || pending > limit) {
      idx = await saveSnapshot(dir, idx);
    } else {
      await saveDelta(dir, idx);
      await saveCheckpoint(dir, idx, false);
    }
    dirty = false;
  };

  const scheduleFlush = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      serial(persist).catch(onError);
    }, opts.flushDelayMs ?? 1000);
    timer.unref?.();
  };

  /** Re-indexes items whose updatedAt differs from what was indexed; drops vanished ones. */
  const reconcile = async () => {
    const summaries = library.allSummaries();
    const seen = new Set<string>();
    const stale: string[] = [];
    for (const s of summaries) {
      seen.add(s.id);
      const doc = idx.state.byId.get(s.id);
      const rec = doc === undefined ? null : idx.state.docs[doc];
      if (!rec || rec.updatedAt !== s.updatedAt) stale.push(s.id);
    }
    const gone = [...idx.state.byId.keys()].filter((id) => !seen.has(id));
    gone.forEach((id) => idx.state.remove(id));
    if (stale.length) await refresh(stale);
    if (gone.length || stale.length) dirty = true;
  };

  /**
   * Indexes every article into a fresh index. With `live`, the fresh index is used at once (for
   * the first build) and the event loop gets a turn every batch, so searches see it grow.
   */
  const rebuild = async (onProgress?: (done: number, total: number) => void, live = false) => {
    const summaries = library.allSummaries();
    const next = live && fresh ? idx : await emptyIndex(dir, idx.manifest.gen);
    onProgress?.(0, summaries.length);
    let done = 0;
    for (const s of summaries) {
      try {
        indexArticle(next, await library.get(s.id), false);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      onProgress?.(++done, summaries.length);
      if (live && done % BUILD_BATCH === 0) await new Promise((r) => setImmediate(r));
    }
    const old = idx;
    idx = await saveSnapshot(dir, next);
    if (old.texts !== idx.texts) old.texts.close();
    if (old.state !== idx.state) old.state.close();
    dirty = false;
  };

  /**
   * Upserts queued behind the same work join one batch; any other event closes the batch, so a
   * later upsert still lands after it.
   */
  let batch: Set<string> | null = null;
  const onEvent = (ev: LibraryEvent) => {
    if (ev.type === 'upsert') {
      if (batch) {
        ev.ids.forEach((id) => batch!.add(id));
        return;
      }
      const ids = (batch = new Set(ev.ids));
      const work = () => {
        if (batch === ids) batch = null;
        return refresh([...ids]);
      };
      serial(work).then(scheduleFlush, onError);
      return;
    }
    batch = null;
    const work =
      ev.type === 'remove'
        ? async () => {
            ev.ids.forEach((id) => idx.state.remove(id));
            dirty = true;
          }
        : reconcile;
    serial(work).then(scheduleFlush, onError);
  };

  // Subscribe first: changes committed while catching up queue behind it instead of being lost.
  const unsubscribe = library.onChange(onEvent);
  const background = fresh && opts.buildInBackground === true;
  const ready = fresh
    ? serial(() => rebuild(opts.onBuildProgress, background))
    : serial(reconcile).then(() => serial(persist));
  if (background) {
    ready.catch(onError);
  } else {
    try {
      await ready;
    } catch (err) {
      unsubscribe();
      idx.texts.close();
      idx.state.close();
      await forms.close();
      throw err;
    }
    // The tables every first query of its kind builds (BM25 norms, facets, phrase filters, the
    // word dictionary): tens of milliseconds each at 50,000 articles, paid here once instead of
    // by a search typed before the warm-up has run.
    norms(idx.state);
    facetTable(idx.state);
    filterTable(idx.state);
    idx.state.wordDictionaries();
  }
  // Postings stay on disk after a load; their checksum is verified now, off the open path, and a
  // mismatch rebuilds the index like any other corruption found at open.
  const verify = idx.verifyPostings;
  if (verify) {
    verify().catch((err: unknown) => {
      if (closed) return;
      onError(err);
      serial(() => rebuild()).catch(onError);
    });
  }

  const run = (query: string, top?: number) => {
    const q = parseQuery(query);
    return isEmptyQuery(q) ? null : evaluate(ctx(), q, top);
  };

  // The last page's evaluation: the next page of the same query (the list scrolled on) then only
  // ranks deeper and cuts snippets, where it re-ran every phrase check, 65-115 ms a page for
  // 中国政府 at 50,000 articles.
  let last: { query: string; version: number; ev: Evaluation | null } | null = null;
  const page = (query: string, top: number) => {
    const { version } = idx.state;
    if (last === null || last.query !== query || last.version !== version) {
      last = { query, version, ev: run(query, top) };
    } else if (last.ev && last.ev.ranked.length < Math.min(top, last.ev.total)) {
      last.ev = rankMatches(idx.state, last.ev, top);
    }
    return last.ev;
  };

  return {
    search(req: SearchRequest): SearchResponse {
      const started = performance.now();
      if (!req || typeof req.query !== 'string') {
        throw new FolioError('INVALID_QUERY', 'A search needs a query string.');
      }
      const limit = Math.min(Math.max(Math.floor(req.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
      const offset = Math.max(Math.floor(req.offset ?? 0), 0);
      const ev = page(req.query, offset + limit);
      if (!ev) {
        const facets = { tags: [], sites: [], years: [] };
        return { total: 0, hits: [], facets, tookMs: 0 };
      }
      return buildResponse(ctx(), ev, { limit, offset }, started, () => performance.now());
    },
    matchIds(query: string): string[] {
      const ev = run(query);
      return ev ? ev.ranked.map((r) => idx.state.docs[r.doc]!.id) : [];
    },
    rebuild: (onProgress) => serial(() => rebuild(onProgress)),
    flush: () => serial(persist),
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await serial(persist).catch(onError);
      // The next load then restores the delta at once instead of replaying its log (a failure
      // only means that replay).
      await serial(() => saveCheckpoint(dir, idx, true)).catch(onError);
      idx.texts.close();
      idx.state.close();
      await forms.close();
    },
  };
}
