import type { ToolAnnotations } from './define-tool.js';

// Every hint set deliberately (MCP spec, "Tool annotations"); openWorld because each tool talks to HiringCenter.
export const readOnly = (title: string): ToolAnnotations => ({
  title,
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
});

/** Creates and changes; repeating the same call is safe thanks to the idempotency key. */
export const mutating = (title: string, idempotent: boolean): ToolAnnotations => ({
  title,
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: idempotent,
  openWorldHint: true,
});

export const destructive = (title: string): ToolAnnotations => ({
  title,
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: true,
  openWorldHint: true,
});
