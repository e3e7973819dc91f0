// The server's filing worker run from its TypeScript source (tests run unbundled): register the
// TypeScript loader in this thread, then load the worker module.
require('tsx/cjs');
require('../../server/src/lsp/filingWorker.ts');
