// V8 settings for the bundled batch commands (`trebuchet integrate`, `transform`), set before any
// other module of the bundle runs. Imported first by cli/data-main.ts; the server never loads it.
//
// --no-concurrent-recompilation: optimize hot functions on the thread that runs them instead of on
// V8's background compiler threads. A batch command keeps both cores of a small machine busy with
// its own two threads (columnar Combine's helper thread), so background compiles wait for a core and
// the hot loops run unoptimized meanwhile; compiling in place made `trebuchet integrate` ~7 % faster
// on the Combine benchmark (2 cores, 2026-11-27; see BENCHMARKS.md). Process-wide and harmless for a
// short command; a server keeps V8's default.
import { setFlagsFromString } from 'node:v8';

if (process.env.TREBUCHET_V8_DEFAULTS !== '1') setFlagsFromString('--no-concurrent-recompilation');
