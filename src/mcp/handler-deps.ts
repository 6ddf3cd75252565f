import type { Logger } from '../log.js';
import type { ToolName } from '../tools/index.js';
import type { ToolOutcome } from './call-tool.js';
import type { Extra } from './handle-request.js';
import type { Inventory } from './inventory.js';
import type { RecentValues } from './recent-values.js';

/** What the prompt, resource and completion handlers (offerings.ts) share from createServer. */
export interface OfferingContext {
  now: () => number;
  inventory: Inventory;
  /** The values the server's answers have shown (completion). */
  recent: RecentValues;
  log: Logger;
  /** One tool call through the tools/call path: a resource reads exactly as its tool answers. */
  runTool(name: ToolName, args: Record<string, unknown>, extra: Extra): Promise<ToolOutcome>;
}
