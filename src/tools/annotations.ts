import type { ToolHints } from './define-tool.js';

// Every hint set deliberately (MCP spec, "Tool annotations"); openWorld because each tool talks to HiringCenter.
// The title is the tool's own (defineTool's `title`); the catalog adds it to these.
export const readOnly: ToolHints = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
};

/** Creates and changes; `idempotent` when repeating the same call changes nothing more. */
export const mutating = (idempotent: boolean): ToolHints => ({
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: idempotent,
  openWorldHint: true,
});

export const destructive: ToolHints = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: true,
};
