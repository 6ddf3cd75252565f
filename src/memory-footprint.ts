import { setFlagsFromString } from 'node:v8';

/**
 * Two V8 settings that keep a long-running server small; `npm run bench`
 * (sustained section) shows peak RSS falling from ~1.6× to ~1.1× a trivial
 * SDK server's, at no measurable cost per call.
 *
 * - undici parses HTTP with llhttp compiled to WebAssembly. Within the first
 *   hundred calls V8 re-compiles its hot parser with the optimizing tier, a
 *   transient ~30 MiB peak, for code that reads a few hundred bytes per call:
 *   the baseline (Liftoff) code is fast enough.
 * - V8 doubles the young generation (up to 2 × 16 MiB) each time enough
 *   objects have survived collections. Answering small requests one after
 *   another gains nothing from a larger one, so it keeps its initial size.
 *
 * Both flags are read when used (at the wasm compile, at each collection), so
 * setting them here, imported first by the bin before any other module runs
 * and allocates, works like passing them to node. A user who sizes the young
 * generation with NODE_OPTIONS keeps their choice.
 */
setFlagsFromString('--liftoff-only');
if (![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((option) => option.includes('semi-space'))) {
  setFlagsFromString('--semi-space-growth-factor=1');
}
