import type { Readable } from 'node:stream';
import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { CHINESE_HELP } from './help.js';
import { EXIT, type Io, processIo } from './io.js';
import { translateCommanderError } from './messages.js';
import { OutputError } from './output.js';
import { StdinTwiceError, stdinAsFile } from './stdin-file.js';

type CommandFactory = (io: Io, setExit: (code: number) => void) => Command;

/**
 * Each command's module, loaded only when that command runs: a command's dependencies (a web
 * server, a workbook library, a PDF engine) cost start-up time and memory the others need not pay.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CommandFactory[]>>> = {
  import: async () => [(await import('./commands/import.js')).importCommand],
  inspect: async () => [(await import('./commands/inspect.js')).inspectCommand],
  export: async () => [(await import('./commands/export.js')).exportCommand],
  check: async () => [(await import('./commands/check.js')).checkCommand],
  law: async () => [(await import('./commands/law.js')).lawCommand],
  align: async () => [(await import('./commands/align.js')).alignCommand],
  diff: async () => [(await import('./commands/diff.js')).diffCommand],
  deadline: async () => [(await import('./commands/deadline.js')).deadlineCommand],
  calendar: async () => [(await import('./commands/calendar.js')).calendarCommand],
  case: async () => [(await import('./commands/case.js')).caseCommand],
  process: async () => [(await import('./commands/case.js')).processCommand],
  audit: async () => [(await import('./commands/audit.js')).auditCommand],
  db: async () => [(await import('./commands/db.js')).dbCommand],
  serve: async () => [(await import('./commands/serve.js')).serveCommand],
  start: async () => [(await import('./commands/start.js')).startCommand],
};

/** The command named on the command line, or every command (for help and for unknown names). */
async function commandsFor(argv: readonly string[]): Promise<CommandFactory[]> {
  // The version is the program's own option: it prints before any command would be looked at.
  if (argv[0] === '-v' || argv[0] === '--version') return [];
  const name = argv.find((arg) => !arg.startsWith('-'));
  const load = name ? COMMANDS[name] : undefined;
  if (load) return load();
  return (await Promise.all(Object.values(COMMANDS).map((l) => l()))).flat();
}

/**
 * Every command at every depth returns through run() (never process.exit), writes to the
 * injected streams and offers its help in Chinese.
 */
function configureTree(command: Command, output: OutputConfiguration): void {
  for (const sub of command.commands) {
    sub.exitOverride().configureOutput(output).configureHelp(CHINESE_HELP).helpOption('-h, --help', '显示帮助');
    if (sub.commands.length > 0) sub.addHelpCommand('help [command]', '显示某个命令的帮助');
    configureTree(sub, output);
  }
}

/**
 * Runs the quanze CLI and resolves to its exit code; never calls process.exit, so tests
 * and other programs can call it. `io.stdin` is read for a file argument "-" (default: the
 * process's).
 *
 * @example
 * const code = await run(['inspect', 'data/samples/004_a6a5239ed012e120.txt']);
 */
export async function run(argv: readonly string[], io: Io & { stdin?: Readable } = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const output = {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
    outputError: (text: string, write: (text: string) => void) => write(translateCommanderError(text)),
  };
  const program = new Command('quanze')
    .description('quanze 权责清单：导入、核查、比对、发布和运行权责清单')
    .version('0.1.0', '-v, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand('help [command]', '显示某个命令的帮助')
    // Global options (-v, --version) only before the command, so `law add --version <id>` is the command's own.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput(output)
    .configureHelp(CHINESE_HELP);
  for (const make of await commandsFor(argv)) program.addCommand(make(io, setExit));
  configureTree(program, output);
  let removeStdinFile: (() => Promise<void>) | null = null;
  program.hook('preAction', async (_program, action) => {
    removeStdinFile = await stdinAsFile(action, io.stdin ?? process.stdin);
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof OutputError) {
      io.stderr.write(`错误：${error.message}\n`);
      return EXIT.output;
    }
    if (error instanceof StdinTwiceError) {
      io.stderr.write(`错误：${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  } finally {
    await (removeStdinFile as (() => Promise<void>) | null)?.();
  }
}
