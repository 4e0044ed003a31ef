// Node flags the portal's server runs with, wherever it is started (npm start, npm run serve, the
// browser tests, the benchmarks). A 1 GiB heap limit makes V8 collect garbage as a server should,
// rather than letting the heap of a 24 GiB machine balloon: a ZIP of 50 PDF reports grows the
// server by about 35 MB with it, over 100 MB without (docs/benchmarks.md). The portal's largest
// requests (the national summary PDF for 20,000 organisations) fit in it with room to spare.
export const SERVER_NODE_FLAGS = ['--max-old-space-size=1024']
