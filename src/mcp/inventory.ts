import type { Tool } from '@modelcontextprotocol/server';
import type { PromptDefinition } from '../prompts/define-prompt.js';
import type { ResourceTemplateDefinition } from '../resources/define-resource.js';
import type { ToolDefinition } from '../tools/define-tool.js';
import type { ToolName } from '../tools/index.js';

/** Where a server gets its tools: their published descriptions now, the definitions only when a call needs them (lazy-boundary.ts). */
export interface ToolSource {
  catalog: readonly Tool[];
  load(): Promise<readonly ToolDefinition[]>;
}

/** What the configuration asks for: read-only mode and the allow-list (undefined: every tool). */
export interface ToolPolicy {
  readOnly: boolean;
  allow: readonly string[] | undefined;
}

// resources/list reads with list_meetings, and each entry it shows is read through the meeting template (get_meeting).
const LISTED_MEETINGS_NEED: readonly ToolName[] = ['list_meetings', 'get_meeting'];

/**
 * Everything this server offers, selected in one place from one policy: the
 * tools, and the prompts, resource templates and listed resources that need
 * them — a prompt or template is offered only where every tool it names is.
 * Built once per configuration (the bin builds it at start), shared by every
 * server it makes.
 */
export interface Inventory {
  /** What tools/list shows and tools/call runs. */
  tools: readonly Tool[];
  /** Tools switched off here, with the sentence that explains why to a caller who asks for one. */
  hidden: ReadonlyMap<string, string>;
  /** An offered tool's definition (schemas, handler), loaded at the first call; undefined for any other name. */
  definition(name: string): Promise<ToolDefinition | undefined>;
  prompts(all: readonly PromptDefinition[]): PromptDefinition[];
  templates(all: readonly ResourceTemplateDefinition[]): ResourceTemplateDefinition[];
  /** Whether resources/list shows the caller's next meetings. */
  listsMeetings: boolean;
  /** No tool offered changes anything: what a sign-in grants is read-only (the sign-in page says so). */
  readOnly: boolean;
}

/** Read-only mode and the allow-list are filters over the catalog, nothing more. */
export function buildInventory(source: ToolSource, policy: ToolPolicy): Inventory {
  const tools: Tool[] = [];
  const hidden = new Map<string, string>();
  for (const tool of source.catalog) {
    if (policy.readOnly && !tool.annotations?.readOnlyHint) {
      hidden.set(tool.name, `${tool.name} is disabled: this server runs in read-only mode (--read-only or HIRINGCENTER_READ_ONLY).`);
    } else if (policy.allow && !policy.allow.includes(tool.name)) {
      hidden.set(tool.name, `${tool.name} is not enabled on this server (--tools or HIRINGCENTER_TOOLS).`);
    } else {
      tools.push(tool);
    }
  }
  const available = tools.map((tool) => tool.name).join(', ') || 'none';
  for (const [name, why] of hidden) hidden.set(name, `${why} Available tools: ${available}. Nothing was sent.`);
  const names = new Set<string>(tools.map((tool) => tool.name));
  // A prompt or template is offered only where every tool it names is.
  const offers = (needs: readonly ToolName[]) => needs.every((name) => names.has(name));
  return {
    tools,
    hidden,
    definition: async (name) => (names.has(name) ? (await source.load()).find((tool) => tool.name === name) : undefined),
    prompts: (all) => all.filter((prompt) => offers(prompt.tools)),
    templates: (all) => all.filter((template) => offers([template.tool])),
    listsMeetings: offers(LISTED_MEETINGS_NEED),
    readOnly: tools.every((tool) => tool.annotations?.readOnlyHint === true),
  };
}
