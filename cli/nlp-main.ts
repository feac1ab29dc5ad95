// Entry of the bundled fast path for `trebuchet nlp …` (dist/nlp-cli.js, built by
// scripts/build-cli.js): the NLP commands alone, without tsx, Apollo or Prisma to load, so a
// JSON Lines job starts in tens of milliseconds. bin/trebuchet.js falls back to cli/main.ts.
import { Command, CommanderError } from 'commander';
import { addNlpCommands } from './nlp.ts';

export async function nlpMain(argv: string[]): Promise<void> {
  const program = new Command('trebuchet').exitOverride().showHelpAfterError('(run with --help for usage)');
  addNlpCommands(program, async (action) => {
    process.exitCode = await action();
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    process.stderr.write(`trebuchet: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}\n`);
    process.exit(1);
  }
}

void nlpMain(process.argv);
