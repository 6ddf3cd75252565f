import type { Tool } from '@modelcontextprotocol/server';
import type { ToolDefinition } from '../tools/define-tool.js';
import type { ToolSource } from './inventory.js';
import type * as OfferingsModule from './offerings.js';

/** The prompt, resource and completion handlers, as loaded. */
export type Offerings = typeof OfferingsModule;

/**
 * The one lazy boundary. A starting server answers initialize and tools/list
 * from a catalog of plain data; the modules that run calls — the tools (zod
 * schemas, time zones, formats), and the prompts, resources and completion
 * (offerings.ts) — load with the first request that needs them, and import
 * whatever they use normally. In the one-file bin each import() below
 * becomes a module evaluated at first use (esbuild wraps it), so nothing
 * behind this boundary is read at start (docs/performance.md has the figures).
 *
 * The catalog is the one thing the build swaps in: scripts/build.mjs
 * computes it from the tools (describe-tools.ts) and defines
 * HIRINGCENTER_PREBUILT_CATALOG as that JSON (esbuild `define`). From
 * source the name is not defined, so the catalog is described from the
 * tools at start instead (test/cli/stdio-bin.test.ts checks the bin's
 * catalog equals that).
 */
declare const HIRINGCENTER_PREBUILT_CATALOG: readonly Tool[];

let tools: Promise<readonly ToolDefinition[]> | undefined;
/** The tool definitions, imported once. */
export const loadTools = (): Promise<readonly ToolDefinition[]> =>
  (tools ??= import('../tools/index.js').then((module) => module.allTools));

let offerings: Promise<Offerings> | undefined;
/** The prompt, resource and completion handlers, imported once. */
export const loadOfferings = (): Promise<Offerings> => (offerings ??= import('./offerings.js'));

/** The bin's tools: the prebuilt catalog and the definitions on first use; from source, described at once. */
export async function binToolSource(): Promise<ToolSource> {
  if (typeof HIRINGCENTER_PREBUILT_CATALOG !== 'undefined') return { catalog: HIRINGCENTER_PREBUILT_CATALOG, load: loadTools };
  const { toolSourceOf } = await import('./describe-tools.js');
  return toolSourceOf(await loadTools());
}
