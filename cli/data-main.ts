// Entry of the bundled fast path for `trebuchet integrate …` and `trebuchet transform …`
// (dist/data-cli.js, built by scripts/build-cli.js). bin/trebuchet.js falls back to cli/main.ts
// when the bundle is stale.
import './batch-flags.ts'; // first: V8 flags for a batch command
import { runBundledCommands } from './bundle-main.ts';
import { addDataCommands } from './data.ts';

void runBundledCommands(addDataCommands, process.argv);
