/** Small output helpers shared by the commands. */
import type { FolioErrorData } from '../../shared/errors';
import type { ArticleSummary } from '../../shared/model';
import type { CliIO } from './command';

/** Prints a value as pretty JSON on stdout. */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints a failure on stderr (and as JSON on stdout in --json mode). */
export function printError(io: CliIO, json: boolean, error: FolioErrorData): void {
  if (json) printJson(io, { error });
  io.stderr(`folio: ${error.message} (${error.code})\n`);
}

/** One line per summary: id, date, site, title, tags. */
export function formatSummary(s: ArticleSummary): string {
  const date = s.publishedAt ? s.publishedAt.slice(0, 10) : '----------';
  const tags = s.tags.length > 0 ? `  [${s.tags.join(', ')}]` : '';
  const note = s.hasNotes ? '  ✎' : '';
  return `${s.id}  ${date}  ${s.siteName || '-'}  ${s.title}${tags}${note}`;
}

/** A progress bar drawn on stderr in place (only called when stderr is a TTY). */
export function drawProgress(io: CliIO, done: number, total: number, current: string): void {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const name = current.length > 40 ? `…${current.slice(-39)}` : current;
  io.stderr(
    `\r\u001b[2K[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${name}`,
  );
  if (done === total) io.stderr('\r\u001b[2K');
}
