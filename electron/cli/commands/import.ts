/** `folio import PATH…`: imports files and folders, one line per file, then a summary. */
import type { JobItemResult } from '../../../shared/api';
import { importPaths } from '../../core/import/import-paths';
import type { CliCommand } from '../command';
import { drawProgress, printJson } from '../output';

/** Imports every file under the given paths; exit 1 if any file failed. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import dump files and saved web pages (files or folders).',
  usage: 'folio import [--json] PATH…',
  async run(args, ctx) {
    if (args.positionals.length === 0) {
      ctx.io.stderr(`usage: ${this.usage}\n`);
      return 2;
    }
    const [library] = await Promise.all([ctx.library(), ctx.parser()]);
    const { io } = ctx;
    const progress = io.isTTY && !ctx.json;
    const results = await importPaths({
      paths: args.positionals,
      importFile: (input) => library.importFile(input),
      onProgress: progress ? (done, total, file) => drawProgress(io, done, total, file) : undefined,
      onResult: ctx.json ? undefined : (r) => printResult(ctx.io, r, progress),
    });
    const pick = (...statuses: string[]) =>
      results
        .filter((r) => statuses.includes(r.status))
        .map((r) => ({ id: r.id as string, file: r.file }));
    const failed = results.filter((r) => r.status === 'failed');
    if (ctx.json) {
      printJson(io, {
        imported: pick('imported', 'version'),
        duplicates: pick('duplicate'),
        failed: failed.map((r) => ({ file: r.file, error: r.error })),
      });
    } else {
      const versions = pick('version').length;
      io.stdout(
        `${pick('imported', 'version').length} imported${versions ? ` (${versions} new versions)` : ''}, ` +
          `${pick('duplicate').length} duplicates, ${failed.length} failed.\n`,
      );
    }
    return failed.length > 0 ? 1 : 0;
  },
};

function printResult(
  io: { stdout: (t: string) => void; stderr: (t: string) => void },
  r: JobItemResult,
  tty: boolean,
) {
  // Clear the progress bar first so the line is not drawn over it.
  if (tty) io.stderr('\r\u001b[2K');
  if (r.status === 'failed')
    io.stdout(`failed     ${r.file}: ${r.error?.message} (${r.error?.code})\n`);
  else io.stdout(`${r.status.padEnd(10)} ${r.id}  ${r.file}\n`);
}
