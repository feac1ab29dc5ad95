// Entry of the bundled fast path for `trebuchet audio …` (dist/audio-cli.js, built by
// scripts/build-cli.js). bin/trebuchet.js falls back to cli/main.ts when the bundle is stale.
import { addAudioCommands } from './audio.ts';
import { runBundledCommands } from './bundle-main.ts';

void runBundledCommands(addAudioCommands, process.argv);
