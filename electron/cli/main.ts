/**
 * `folio` command line: global flags, command dispatch, and one place that turns errors into
 * messages and exit codes (0 ok, 1 failure, 2 bad usage).
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { FolioError, toErrorData } from '../../shared/errors';
import { resolveLibraryDir } from '../core/paths';
import type { ParseFn } from '../core/ports';
import type { CliCommand, CliIO } from './command';
import { createContext } from './context';
import { printError } from './output';
import { COMMANDS } from './registry';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  library: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CliDeps {
  io: CliIO;
  env: Record<string, string | undefined>;
  cwd: string;
  commands: readonly CliCommand[];
  loadParser: () => Promise<ParseFn>;
}

function processIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], deps: Partial<CliDeps> = {}): Promise<number> {
  const io = deps.io ?? processIO();
  const env = deps.env ?? process.env;
  const commands = deps.commands ?? COMMANDS;
  const { name, rest } = splitCommand(argv);
  // `folio help [COMMAND]`: `npx folio --help` never reaches us, because npx takes --help itself.
  if (name === 'help') {
    const topic = splitCommand(rest).name;
    const about = commands.find((c) => c.name === topic);
    if (topic && !about) {
      io.stderr(`folio: unknown command "${topic}"\n\n${overview(commands)}`);
      return 2;
    }
    io.stdout(about ? commandHelp(about) : overview(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!name || !command) {
    const asked = !name && rest.some((a) => a === '--help' || a === '-h');
    if (name) io.stderr(`folio: unknown command "${name}"\n\n`);
    (asked ? io.stdout : io.stderr)(overview(commands));
    return asked ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.stderr(`folio ${command.name}: ${(err as Error).message}\nusage: ${command.usage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(commandHelp(command));
    return 0;
  }
  const json = values.json === true;
  const libraryDir = resolveLibraryDir({
    flag: typeof values.library === 'string' ? values.library : undefined,
    env,
    cwd: deps.cwd ?? process.cwd(),
    platform: process.platform,
    homeDir: os.homedir(),
  });
  const { ctx, close } = createContext({ io, json, libraryDir, loadParser: deps.loadParser });
  let code: number;
  try {
    code = await command.run({ positionals, flags: values }, ctx);
  } catch (err) {
    printError(io, json, toErrorData(err));
    code = err instanceof FolioError && err.code === 'INVALID_INPUT' ? 2 : 1;
  }
  try {
    await close();
  } catch (err) {
    printError(io, json, toErrorData(err));
    code = code || 1;
  }
  return code;
}

/** Finds the command word: the first argument that is neither a flag nor --library's value. */
function splitCommand(argv: string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--library') {
      i++;
      continue;
    }
    if (arg === '--') break;
    if (!arg.startsWith('-'))
      return { name: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: argv };
}

function commandHelp(command: CliCommand): string {
  return `usage: ${command.usage}\n\n${command.summary}\n`;
}

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'usage: folio [--library DIR] [--json] <command> [args]',
    '',
    'Commands:',
    ...lines,
    '',
    'The library is --library DIR, else $FOLIO_LIBRARY, else the Folio user-data folder.',
    'Run `folio help <command>` (or `folio <command> --help`) for details.',
    '',
  ].join('\n');
}
