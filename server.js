// @ts-check
// `node server.js` serves the production build. The HTTP server's code is TypeScript in server/
// (type-checked with the rest), built into build/http by `npm run build`; `npm run dev` runs
// server/index.ts through tsx instead.
process.env.NODE_ENV ??= 'production'
await import(new URL('./build/http/index.js', import.meta.url).href)
