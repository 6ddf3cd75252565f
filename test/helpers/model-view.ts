import type { Tool } from '@modelcontextprotocol/server';

/** Tool definitions as hosts hand them to a model: output schemas are for programs, so they are left out. */
export function toolsAsModelSees(tools: readonly Tool[]): unknown[] {
  return tools.map(({ name, title, description, inputSchema, annotations }) => ({ name, title, description, inputSchema, annotations }));
}
