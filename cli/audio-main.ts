// Entry of the bundled fast path for `trebuchet audio …` (dist/audio-cli.js, built by
// scripts/build-cli.js): the audio command alone, without tsx, Apollo or Prisma to load.
// bin/trebuchet.js falls back to cli/main.ts.
import { Command, CommanderError } from 'commander';
import { addAudioCommands } from './audio.ts';

export async function audioMain(argv: string[]): Promise<void> {
  const program = new Command('trebuchet').exitOverride().showHelpAfterError('(run with --help for usage)');
  addAudioCommands(program, async (action) => {
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

void audioMain(process.argv);
