import { describeTools } from './catalog.js';
import type { ToolDefinition } from '../tools/define-tool.js';
import type { ToolSource } from './tool-source.js';

/** Everything in memory already (tests, `call`, running from source). */
export function eagerToolSource(tools: readonly ToolDefinition[]): ToolSource {
  return { catalog: describeTools(tools), load: () => Promise.resolve(tools) };
}
