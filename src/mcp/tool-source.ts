import type { Tool } from '@modelcontextprotocol/server';
import type { ToolDefinition } from '../tools/define-tool.js';

/**
 * Where the server gets its tools: the published descriptions at once, the
 * executable definitions (zod schemas, handlers) only when a call needs them.
 */
export interface ToolSource {
  catalog: readonly Tool[];
  load(): Promise<readonly ToolDefinition[]>;
}

/** A prebuilt catalog now, the definitions on first use (the bundled bin: fast start). */
export function lazyToolSource(catalog: readonly Tool[], importTools: () => Promise<readonly ToolDefinition[]>): ToolSource {
  let loading: Promise<readonly ToolDefinition[]> | undefined;
  return { catalog, load: () => (loading ??= importTools()) };
}
