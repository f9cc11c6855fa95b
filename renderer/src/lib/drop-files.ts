/**
 * Collects files from a drop, walking dropped folders in the browser (Electron hands us
 * paths instead, and the core walks folders itself).
 */

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
}
interface FileEntry extends Entry {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirEntry extends Entry {
  createReader(): { readEntries(ok: (e: Entry[]) => void, fail: (e: unknown) => void): void };
}

async function readDir(dir: DirEntry): Promise<Entry[]> {
  const reader = dir.createReader();
  const all: Entry[] = [];
  // readEntries returns batches (about 100 at a time) until an empty one.
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: Entry, out: File[]): Promise<void> {
  if (entry.isFile) {
    out.push(await new Promise<File>((ok, fail) => (entry as FileEntry).file(ok, fail)));
  } else if (entry.isDirectory) {
    for (const child of await readDir(entry as DirEntry)) await walk(child, out);
  }
}

/** Files in a DataTransfer, folders expanded; hidden files are skipped. */
export async function filesFromDataTransfer(dt: DataTransfer): Promise<File[]> {
  const entries: Entry[] = [];
  for (const item of Array.from(dt.items)) {
    const entry = (
      item as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }
    ).webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return Array.from(dt.files);
  const out: File[] = [];
  for (const e of entries) await walk(e, out);
  return out.filter((f) => !f.name.startsWith('.'));
}
