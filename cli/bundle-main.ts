// The shared start of the bundled fast paths (dist/nlp-cli.js, dist/audio-cli.js, built by
// scripts/build-cli.js): one engine's commands on a bare commander program, without tsx, Apollo or
// Prisma to load. Errors end the process with one line on stderr and exit code 1.
import { Command, CommanderError } from 'commander';

type AddCommands = (program: Command, run: (action: () => Promise<number>) => Promise<void>) => void;

export async function runBundledCommands(addCommands: AddCommands, argv: string[]): Promise<void> {
  const program = new Command('trebuchet').exitOverride().showHelpAfterError('(run with --help for usage)');
  addCommands(program, async (action) => {
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
