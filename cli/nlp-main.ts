// Entry of the bundled fast path for `trebuchet nlp …` (dist/nlp-cli.js, built by
// scripts/build-cli.js): a JSON Lines job starts in tens of milliseconds. bin/trebuchet.js falls
// back to cli/main.ts when the bundle is stale.
import { runBundledCommands } from './bundle-main.ts';
import { addNlpCommands } from './nlp.ts';

void runBundledCommands(addNlpCommands, process.argv);
