import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ExitCode } from '../errors.js';

/**
 * The program's front door. `dvc --version` is answered here from package.json alone; everything else loads the
 * commander program (main.ts), whose help texts need the whole catalogue.
 */
export async function run(argv: string[]): Promise<number> {
  // `dvc … --json | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(ExitCode.Ok);
      throw e;
    });
  }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    process.stdout.write(
      (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version + '\n',
    );
    return ExitCode.Ok;
  }
  const { main } = await import('./main.js');
  // Started by npx in the project: every hint names the program so, as `dvc` is on no PATH there.
  const hints = await import('./hint-program.js');
  const npx = hints.npxHintProgram(process.env);
  if (npx) {
    const { CATALOG } = await import('../i18n/catalog.js');
    for (const table of Object.values(CATALOG)) hints.adaptHints(table, npx);
    hints.setHintProgram(npx);
  }
  return main(argv);
}
