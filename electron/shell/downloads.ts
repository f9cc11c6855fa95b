/**
 * Export results waiting to be downloaded from the browser shell. Each is a file in a temporary
 * folder; entries expire, and their folders are removed with them.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';

export interface Download {
  id: string;
  /** Absolute path of the file to send. */
  file: string;
  /** The name the browser saves it under. */
  name: string;
  /** A folder removed when the download expires. */
  cleanupDir: string | null;
  createdAt: number;
}

export interface DownloadRegistry {
  add(entry: Omit<Download, 'id' | 'createdAt'>): Download;
  get(id: string): Download | null;
  /** Removes every entry and its files. */
  clear(): Promise<void>;
}

/** Creates a registry whose entries live `ttlMs` (an hour by default). */
export function createDownloadRegistry(
  opts: { ttlMs?: number; now?: () => number } = {},
): DownloadRegistry {
  const ttl = opts.ttlMs ?? 60 * 60_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Download>();
  const drop = (d: Download): void => {
    entries.delete(d.id);
    if (d.cleanupDir)
      void rm(d.cleanupDir, { recursive: true, force: true }).catch(() => undefined);
  };
  const prune = (): void => {
    for (const d of [...entries.values()]) if (now() - d.createdAt > ttl) drop(d);
  };
  return {
    add(entry) {
      prune();
      const d: Download = { ...entry, id: randomUUID(), createdAt: now() };
      entries.set(d.id, d);
      return d;
    },
    get(id) {
      prune();
      return entries.get(id) ?? null;
    },
    async clear() {
      const dirs = [...entries.values()].map((d) => d.cleanupDir).filter((d): d is string => !!d);
      entries.clear();
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}
