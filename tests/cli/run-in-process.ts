/** Runs the CLI in-process with captured output and the fake parser (fast: no spawn). */
import { runCli } from '../../electron/cli/main';
import { fakeParse } from '../core/store/fake-parse';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `folio ARGS` against `libraryDir`. */
export async function runInProcess(libraryDir: string, args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--library', libraryDir, ...args], {
    io: { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false },
    env: {},
    loadParser: async () => fakeParse,
  });
  return { code, stdout, stderr };
}
