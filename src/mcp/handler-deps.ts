import type { BeyondTools } from './beyond-tools.js';
import type { RecentValues } from './recent-values.js';

/** What the prompt, resource and completion handlers share from createServer. */
export interface OfferingDeps {
  now: () => number;
  /** Prompts, templates and completion data, loaded at the first request that needs them. */
  load: () => Promise<BeyondTools>;
  /** The tool selection: a prompt or template is offered only where every tool it needs is. */
  offers: (tools: readonly string[]) => boolean;
  guard: { requireInitialize: boolean };
}

/** The same, with the values the server's answers have shown (completion). */
export interface ShownValuesDeps extends OfferingDeps {
  recent: RecentValues;
}
