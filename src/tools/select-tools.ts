import type { ToolDefinition } from './define-tool.js';

export interface ToolSelection {
  /** The tools tools/list shows and tools/call runs. */
  offered: ToolDefinition[];
  /** Tools switched off here, with the sentence that explains why to a caller who asks for one. */
  hidden: Map<string, string>;
}

/** Read-only mode and the allow-list are filters over the tool list, nothing more. */
export function selectTools(
  all: readonly ToolDefinition[],
  options: { readOnly: boolean; allow: readonly string[] | undefined },
): ToolSelection {
  const offered: ToolDefinition[] = [];
  const hidden = new Map<string, string>();
  for (const tool of all) {
    if (options.readOnly && !tool.annotations.readOnlyHint) {
      hidden.set(tool.name, `${tool.name} is disabled: this server runs in read-only mode (--read-only or HIRINGCENTER_READ_ONLY).`);
    } else if (options.allow && !options.allow.includes(tool.name)) {
      hidden.set(tool.name, `${tool.name} is not enabled on this server (--tools or HIRINGCENTER_TOOLS).`);
    } else {
      offered.push(tool);
    }
  }
  const available = offered.map((tool) => tool.name).join(', ') || 'none';
  for (const [name, why] of hidden) hidden.set(name, `${why} Available tools: ${available}. Nothing was sent.`);
  return { offered, hidden };
}
