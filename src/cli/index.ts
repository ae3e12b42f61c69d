import { Command, CommanderError, type OutputConfiguration } from 'commander';
import { alignCommand } from './commands/align.js';
import { auditCommand } from './commands/audit.js';
import { calendarCommand } from './commands/calendar.js';
import { caseCommand, processCommand } from './commands/case.js';
import { checkCommand } from './commands/check.js';
import { dbCommand } from './commands/db.js';
import { deadlineCommand } from './commands/deadline.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { inspectCommand } from './commands/inspect.js';
import { lawCommand } from './commands/law.js';
import { serveCommand } from './commands/serve.js';
import { startCommand } from './commands/start.js';
import { EXIT, type Io, processIo } from './io.js';
import { translateCommanderError } from './messages.js';

/**
 * Every command at every depth returns through run() (never process.exit), writes to the
 * injected streams and offers its help in Chinese.
 */
function configureTree(command: Command, output: OutputConfiguration): void {
  for (const sub of command.commands) {
    sub.exitOverride().configureOutput(output).helpOption('-h, --help', '显示帮助');
    if (sub.commands.length > 0) sub.addHelpCommand('help [command]', '显示某个命令的帮助');
    configureTree(sub, output);
  }
}

/**
 * Runs the quanze CLI and resolves to its exit code; never calls process.exit, so tests
 * and other programs can call it.
 *
 * @example
 * const code = await run(['inspect', 'data/samples/004_a6a5239ed012e120.txt']);
 */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
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
    .configureOutput(output);
  for (const make of [importCommand, inspectCommand, startCommand, serveCommand, deadlineCommand, calendarCommand, dbCommand, alignCommand, diffCommand, exportCommand, checkCommand, lawCommand, caseCommand, processCommand, auditCommand]) {
    program.addCommand(make(io, setExit));
  }
  configureTree(program, output);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr.write(`内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.internal;
  }
}
