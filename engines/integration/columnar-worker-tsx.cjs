// Worker entry when the engine runs from TypeScript sources (tsx, Jest): compile through tsx's
// require hook. The bundled CLI starts its own bundled worker instead (see scripts/build-cli.js).
require('tsx/cjs');
require('./columnar-worker.ts');
