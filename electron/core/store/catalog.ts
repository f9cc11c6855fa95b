/**
 * The derived catalog: every item's summary in memory, persisted as catalog.json plus an
 * append-only journal (catalog.journal), so one edit appends one short line instead of
 * rewriting a 20 MB file. The journal is folded into catalog.json on open and close.
 * Everything here can be rebuilt from items/.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArticleSummary } from '../../../shared/model';
import { isCode, writeFileAtomic } from './atomic-file';
import { decodeUtf8 } from '../decode-utf8';

export const CATALOG_FILE = 'catalog.json';
export const JOURNAL_FILE = 'catalog.journal';
const CATALOG_VERSION = 1;
/** Replaying this many lines on open costs a few ms; beyond it the journal is folded in. */
const COMPACT_AFTER_LINES = 2000;

/** One catalog row: the public summary plus what duplicate and version detection need. */
export interface CatalogEntry {
  summary: ArticleSummary;
  sha256: string;
  /** Canonical form of the parsed URL ('' when the file had none). */
  urlKey: string;
}

type JournalLine = { p: CatalogEntry } | { d: string };

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** In-memory catalog with lookups by id, content hash and canonical URL. */
export class Catalog {
  readonly entries = new Map<string, CatalogEntry>();
  private readonly bySha = new Map<string, string>();
  private readonly byUrl = new Map<string, Set<string>>();
  private journal: fs.FileHandle | null = null;
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private flushing = false;
  private journalLines = 0;

  constructor(private readonly dir: string) {}

  /** Id of the item holding exactly these bytes. */
  findBySha(sha256: string): string | undefined {
    return this.bySha.get(sha256);
  }

  /** The most recently imported item with this canonical URL. */
  latestByUrl(urlKey: string): CatalogEntry | undefined {
    if (!urlKey) return undefined;
    let best: CatalogEntry | undefined;
    for (const id of this.byUrl.get(urlKey) ?? []) {
      const e = this.entries.get(id);
      if (e && (!best || e.summary.importedAt >= best.summary.importedAt)) best = e;
    }
    return best;
  }

  /** Updates memory only (loading, replay). */
  apply(line: JournalLine): void {
    if ('p' in line) {
      const entry = line.p;
      this.forget(entry.summary.id);
      this.entries.set(entry.summary.id, entry);
      this.bySha.set(entry.sha256, entry.summary.id);
      if (entry.urlKey) {
        let ids = this.byUrl.get(entry.urlKey);
        if (!ids) this.byUrl.set(entry.urlKey, (ids = new Set()));
        ids.add(entry.summary.id);
      }
    } else {
      this.forget(line.d);
    }
  }

  private forget(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.entries.delete(id);
    if (this.bySha.get(old.sha256) === id) this.bySha.delete(old.sha256);
    this.byUrl.get(old.urlKey)?.delete(id);
  }

  /** Records new or changed rows: in memory at once (so lookups see them), durable when resolved. */
  put(entries: CatalogEntry[]): Promise<void> {
    return this.log(entries.map((p) => ({ p })));
  }

  /** Records removed rows: in memory at once, durable when resolved. */
  remove(ids: string[]): Promise<void> {
    return this.log(ids.map((d) => ({ d })));
  }

  private async log(lines: JournalLine[]): Promise<void> {
    if (lines.length === 0) return;
    for (const line of lines) this.apply(line);
    for (const line of lines) this.pending.push(JSON.stringify(line) + '\n');
    // Group commit: every line queued while a write is in flight shares the next fsync.
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.flushing) void this.flush();
    return done;
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const text = this.pending.join('');
      const waiters = this.waiters;
      this.journalLines += this.pending.length;
      this.pending = [];
      this.waiters = [];
      try {
        this.journal ??= await fs.open(path.join(this.dir, JOURNAL_FILE), 'a');
        await this.journal.write(text);
        await this.journal.sync();
        for (const w of waiters) w.resolve();
      } catch (err) {
        for (const w of waiters) w.reject(err);
      }
    }
    this.flushing = false;
  }

  /** Notes a journal line read back on open (it still needs folding in). */
  countReplayed(): void {
    this.journalLines++;
  }

  /** Set when the journal ends in a torn line: appending after it would corrupt the next line. */
  torn = false;

  /** Number of journal lines not yet folded into catalog.json. */
  get journalSize(): number {
    return this.journalLines;
  }

  /** True when the journal is long (or torn) enough to be worth folding into catalog.json. */
  get needsCompaction(): boolean {
    return this.torn || this.journalLines > COMPACT_AFTER_LINES;
  }

  /** Writes catalog.json from memory and empties the journal. */
  async compact(): Promise<void> {
    await this.closeJournal();
    const rows = [...this.entries.values()];
    await writeFileAtomic(
      path.join(this.dir, CATALOG_FILE),
      JSON.stringify({ version: CATALOG_VERSION, entries: rows }),
    );
    // A crash before this truncation only means replaying lines already folded in: harmless.
    await fs.rm(path.join(this.dir, JOURNAL_FILE), { force: true });
    this.journalLines = 0;
  }

  private async closeJournal(): Promise<void> {
    while (this.flushing) await new Promise((r) => setTimeout(r, 1));
    await this.journal?.close();
    this.journal = null;
  }

  async close(): Promise<void> {
    await this.closeJournal();
  }
}

/**
 * Loads catalog.json and replays the journal. Returns null when catalog.json is missing or
 * unreadable, so the caller rebuilds from items/.
 */
export async function loadCatalog(dir: string): Promise<Catalog | null> {
  const catalog = new Catalog(dir);
  let raw: string;
  try {
    raw = decodeUtf8(await fs.readFile(path.join(dir, CATALOG_FILE)));
  } catch (err) {
    if (isCode(err, 'ENOENT')) return null;
    throw err;
  }
  try {
    const data = JSON.parse(raw) as { version?: unknown; entries?: unknown };
    if (data.version !== CATALOG_VERSION || !Array.isArray(data.entries)) return null;
    for (const entry of data.entries as unknown[]) {
      if (!isEntry(entry)) return null;
      catalog.apply({ p: entry });
    }
  } catch {
    return null;
  }
  await replayJournal(catalog, dir);
  return catalog;
}

async function replayJournal(catalog: Catalog, dir: string): Promise<void> {
  let text: string;
  try {
    text = decodeUtf8(await fs.readFile(path.join(dir, JOURNAL_FILE)));
  } catch (err) {
    if (isCode(err, 'ENOENT')) return;
    throw err;
  }
  if (text && !text.endsWith('\n')) catalog.torn = true;
  for (const line of text.split('\n')) {
    if (!line) continue;
    catalog.countReplayed();
    try {
      const parsed = JSON.parse(line) as JournalLine;
      if ('p' in parsed && isEntry(parsed.p)) catalog.apply(parsed);
      else if ('d' in parsed && typeof parsed.d === 'string') catalog.apply(parsed);
    } catch {
      // A torn last line from a crash mid-append; the open-time scan of items/ covers it.
    }
  }
}

function isEntry(value: unknown): value is CatalogEntry {
  const e = value as Partial<CatalogEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.sha256 === 'string' &&
    typeof e.urlKey === 'string' &&
    typeof e.summary === 'object' &&
    e.summary !== null &&
    typeof e.summary.id === 'string'
  );
}
