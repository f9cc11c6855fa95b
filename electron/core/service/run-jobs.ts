/**
 * The bodies of the service's background jobs: imports and exports. Each runs detached from the
 * request that started it; every outcome, good or bad, ends up in the job's status.
 */
import type { ExportRequest, UploadedFile } from '../../../shared/api';
import { FolioError, toErrorData } from '../../../shared/errors';
import type { Article } from '../../../shared/model';
import type { FolioCore } from '../ports';
import type { JobHandle } from './jobs';
import type { ExportTarget, PathImporter } from './types';

/** Runs a path import into `job`. */
export async function runPathImport(
  job: JobHandle,
  importer: PathImporter,
  paths: string[],
): Promise<void> {
  try {
    await importer(paths, (p) => {
      job.setTotal(p.total);
      if (p.current !== undefined) job.setCurrent(p.current);
      if (p.result) job.addResult(p.result);
    });
    job.finish();
  } catch (err) {
    job.finish({ error: toErrorData(err) });
  }
}

/** Decodes uploaded files and imports them one by one into `job`. */
export async function runUploadImport(
  job: JobHandle,
  core: FolioCore,
  files: UploadedFile[],
): Promise<void> {
  job.setTotal(files.length);
  for (const file of files) {
    job.setCurrent(file.name);
    try {
      const bytes = new Uint8Array(Buffer.from(file.dataBase64, 'base64'));
      const outcome = await core.library.importFile({ fileName: file.name, bytes });
      job.addResult({ file: file.name, status: outcome.status, id: outcome.id });
    } catch (err) {
      job.addResult({ file: file.name, status: 'failed', error: toErrorData(err) });
    }
  }
  job.finish();
}

/** The ids an export request names, in a stable order, trash excluded for tag and query. */
export function resolveExportIds(core: FolioCore, req: ExportRequest): string[] {
  if (req.ids) return [...new Set(req.ids)];
  if (req.tag !== undefined)
    return core.library.list({ view: 'all', tag: req.tag }).map((s) => s.id);
  if (req.query !== undefined) {
    const live = new Set(core.library.list({ view: 'all' }).map((s) => s.id));
    return core.search.matchIds(req.query).filter((id) => live.has(id));
  }
  return [];
}

/** Exports `ids` into `target`, one result per article, into `job`. */
export async function runExport(
  job: JobHandle,
  core: FolioCore,
  req: ExportRequest,
  ids: string[],
  target: ExportTarget,
): Promise<void> {
  try {
    const articles: Article[] = [];
    for (const id of ids) articles.push(await core.library.get(id));
    if (articles.length === 0) throw new FolioError('NOT_FOUND', 'Nothing to export');
    job.setTotal(articles.length);
    const outcome = await core.exporter.exportTo({
      articles,
      format: req.format,
      outDir: target.outDir,
      includeNotes: req.includeNotes,
      assets: req.assets,
      zip: req.zip,
      onProgress: (done, total, current) => {
        job.setTotal(total);
        job.setDone(done);
        job.setCurrent(current);
      },
    });
    const output = await target.finish(outcome);
    // Every article made it out; one whose images stayed remote says which and why.
    for (const a of articles) {
      const missed = (outcome.imageFailures ?? []).filter((f) => f.id === a.id);
      job.addResult({
        file: a.title || a.id,
        status: 'exported',
        id: a.id,
        ...(missed.length > 0 && {
          error: {
            code: 'IMAGES_NOT_FETCHED' as const,
            message: `${missed.length} image(s) not downloaded: ${missed
              .map((f) => `${f.src} (${f.reason})`)
              .join('; ')}`,
          },
        }),
      });
    }
    job.finish({ output });
  } catch (err) {
    await target.abort?.().catch(() => undefined);
    const error = toErrorData(err);
    job.finish({
      error: error.code === 'INTERNAL' ? { code: 'EXPORT_FAILED', message: error.message } : error,
    });
  }
}
