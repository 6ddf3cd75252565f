import type { Tool } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import type { ToolDefinition } from '../tools/define-tool.js';
import { toolError } from '../tools/output-schemas.js';
import { ICONS } from './icon.js';
import { publishedSchema } from './json-schema.js';
import type { ToolSource } from './inventory.js';

/**
 * What tools/list publishes for each tool. Pure data: the build computes it
 * once (scripts/build.mjs, lazy-boundary.ts) so a starting server needs neither the tools' zod
 * schemas nor a schema conversion to answer tools/list.
 */
export function describeTools(tools: readonly ToolDefinition[]): Tool[] {
  return tools.map((tool) => ({
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: publishedSchema(tool.inputSchema, 'input'),
    // Success or error: both shapes are declared, so an error result never fails a client's validation.
    outputSchema: publishedSchema(z.union([tool.outputSchema, toolError]), 'output'),
    annotations: { title: tool.title, ...tool.annotations },
    icons: ICONS,
  }));
}

/** Everything in memory already (tests, running from source): the catalog described from the definitions at once. */
export function toolSourceOf(tools: readonly ToolDefinition[]): ToolSource {
  return { catalog: describeTools(tools), load: () => Promise.resolve(tools) };
}
