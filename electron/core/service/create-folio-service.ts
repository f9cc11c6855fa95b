/**
 * The app service: `FolioApi` implemented over the core. Faces validate input (see `dispatch`)
 * and call this; it never touches Electron or HTTP, only the platform seam it is given.
 */
import type { FolioApi, OriginalFile } from '../../../shared/api';
import { FolioError } from '../../../shared/errors';
import { encodeNewestFirst } from '../../../shared/list-rows';
import type { Clock, FolioCore } from '../ports';
import { createDefaultPathImporter } from './default-import-paths';
import { createJobRegistry, type JobRegistry } from './jobs';
import { resolveExportIds, runExport, runPathImport, runUploadImport } from './run-jobs';
import type { PathImporter, ServicePlatform } from './types';

export interface FolioServiceDeps {
  core: FolioCore;
  platform: ServicePlatform;
  /** The folder of sample dumps offered on first run (the repo's `seeds/`). */
  sampleDir: string;
  clock?: Clock;
  /** Imports files and folders; defaults to a simple walker over `library.importFile`. */
  importPaths?: PathImporter;
  jobs?: JobRegistry;
}

/** Decodes stored original bytes as text in the encoding the parser detected. */
export function decodeOriginal(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding || 'utf-8').decode(bytes);
  } catch {
    // An encoding label the runtime does not know: show the bytes as UTF-8 rather than fail.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Builds the `FolioApi` over a core and a platform. */
export function createFolioService(deps: FolioServiceDeps): FolioApi {
  const { core, platform } = deps;
  const { library } = core;
  const jobs = deps.jobs ?? createJobRegistry({ clock: deps.clock });
  const importer = deps.importPaths ?? createDefaultPathImporter(library);

  /** Starts a detached job body; its failures are recorded by the body itself. */
  const detach = (work: Promise<void>): void => {
    work.catch(() => undefined);
  };

  const startPathImport = (paths: string[]): { jobId: string } => {
    const job = jobs.start('import');
    detach(runPathImport(job, importer, paths));
    return { jobId: job.id };
  };

  const getArticles = async (ids: string[]) => Promise.all(ids.map((id) => library.get(id)));

  return {
    async libraryInfo() {
      return library.info();
    },
    async importSample() {
      return startPathImport([deps.sampleDir]);
    },
    async importPaths({ paths }) {
      return startPathImport(paths);
    },
    async importFiles({ files }) {
      const job = jobs.start('import', files.length);
      detach(runUploadImport(job, core, files));
      return { jobId: job.id };
    },
    async jobStatus({ jobId }) {
      return jobs.get(jobId);
    },

    async listArticles(req) {
      return library.list(req);
    },
    async listRows() {
      return encodeNewestFirst(library.allSummaries());
    },
    async getArticle({ id }) {
      return library.get(id);
    },
    async getOriginal({ id }): Promise<OriginalFile> {
      const article = await library.get(id);
      const bytes = await library.getOriginalBytes(id);
      const encoding = article.source.encoding || 'utf-8';
      return { fileName: article.source.fileName, encoding, text: decodeOriginal(bytes, encoding) };
    },
    async setMeta({ id, field, value }) {
      return library.setMeta(id, field, value);
    },
    async revertMeta({ id, fields }) {
      return library.revertMeta(id, fields);
    },
    async trashArticles({ ids }) {
      return { count: await library.trash(ids) };
    },
    async restoreArticles({ ids }) {
      return { count: await library.restore(ids) };
    },
    async emptyTrash() {
      return { count: await library.emptyTrash() };
    },
    async deleteArticles({ ids }) {
      if (!library.purge) throw new FolioError('UNSUPPORTED', 'This library cannot delete items.');
      return { count: await library.purge(ids) };
    },

    async listTags() {
      return library.tags();
    },
    async addTags({ ids, tags }) {
      return { count: await library.addTags(ids, tags) };
    },
    async removeTags({ ids, tags }) {
      return { count: await library.removeTags(ids, tags) };
    },
    async renameTag({ from, to }) {
      return { count: await library.renameTag(from, to) };
    },
    async mergeTags({ from, to }) {
      return { count: await library.mergeTags(from, to) };
    },
    async deleteTag({ tag }) {
      return { count: await library.deleteTag(tag) };
    },

    async setNote({ id, markdown }) {
      return library.setNote(id, markdown);
    },

    async search(req) {
      return core.search.search(req);
    },

    async cite({ ids, style, format }) {
      return { text: core.exporter.cite(await getArticles(ids), style, format) };
    },
    async exportArticles(req) {
      const ids = resolveExportIds(core, req);
      if (ids.length === 0) throw new FolioError('NOT_FOUND', 'No articles match this export');
      const target = await platform.exportTarget(req);
      const job = jobs.start('export', ids.length);
      if (!target) {
        // The user closed the folder dialog: a finished job with nothing written, not an error.
        job.finish();
      } else {
        detach(runExport(job, core, req, ids, target));
      }
      return { jobId: job.id };
    },
    async showExport({ jobId }) {
      // Finished jobs are forgotten after a while; the panel that offers the button may not be.
      const job = (() => {
        try {
          return jobs.get(jobId);
        } catch {
          throw new FolioError(
            'NOT_FOUND',
            'Folio no longer remembers where this export went: open the folder you chose yourself',
          );
        }
      })();
      const savedTo = job.kind === 'export' && job.finished ? job.output?.savedTo : undefined;
      if (!savedTo)
        throw new FolioError('NOT_FOUND', 'This export saved no file or folder to show');
      // Only a path this service wrote reaches the file manager, never one a request names.
      await platform.showPath(savedTo);
    },

    async getSettings() {
      return library.getSettings();
    },
    async setSettings(patch) {
      return library.setSettings(patch);
    },

    async openExternal({ url }) {
      await platform.openExternal(url);
    },
    async pickFiles() {
      return { paths: await platform.pickFiles() };
    },
  };
}
