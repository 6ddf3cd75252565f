import type { ToolHints } from '../tools/define-tool.js';

interface Selectable {
  name: string;
  annotations?: Partial<ToolHints>;
}

/** Which tools a server offers, and why the others are switched off. */
export interface ToolPolicy {
  readOnly: boolean;
  /** Allow-list; undefined = all. */
  allow: readonly string[] | undefined;
}

export interface ToolSelection<T extends Selectable> {
  /** The tools tools/list shows and tools/call runs. */
  offered: T[];
  /** Tools switched off here, with the sentence that explains why to a caller who asks for one. */
  hidden: Map<string, string>;
  /** Whether everything `needs` names is offered: prompts and resource templates are offered by this, so one selection decides all three. */
  offers(needs: readonly string[]): boolean;
}

/** Read-only mode and the allow-list are filters over the tool list, nothing more. */
export function selectTools<T extends Selectable>(all: readonly T[], policy: ToolPolicy): ToolSelection<T> {
  const offered: T[] = [];
  const hidden = new Map<string, string>();
  for (const tool of all) {
    if (policy.readOnly && !tool.annotations?.readOnlyHint) {
      hidden.set(tool.name, `${tool.name} is disabled: this server runs in read-only mode (--read-only or HIRINGCENTER_READ_ONLY).`);
    } else if (policy.allow && !policy.allow.includes(tool.name)) {
      hidden.set(tool.name, `${tool.name} is not enabled on this server (--tools or HIRINGCENTER_TOOLS).`);
    } else {
      offered.push(tool);
    }
  }
  const available = offered.map((tool) => tool.name).join(', ') || 'none';
  for (const [name, why] of hidden) hidden.set(name, `${why} Available tools: ${available}. Nothing was sent.`);
  const names = new Set(offered.map((tool) => tool.name));
  return { offered, hidden, offers: (needs) => needs.every((name) => names.has(name)) };
}
