import type { Tool } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';

type Schema = Tool['inputSchema'] & Tool['outputSchema'];

// Length limits and patterns are enforced here with errors that say what to send; spelled out in
// every tools/list they cost a model ~400 tokens per session and teach it nothing it needs.
const SERVER_ENFORCED = new Set(['pattern', 'minLength', 'maxLength', '$schema']);

/**
 * JSON Schema for tools/list from a zod schema: draft-7 like the SDK's own
 * conversion, no $ref, and for inputs the lean form a model reads.
 */
export function publishedSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io }) as Record<string, unknown>;
  const lean = io === 'input' ? simplify(json) : without$schema(json);
  return { type: 'object', ...(lean as Record<string, unknown>) };
}

function without$schema({ $schema: _ignored, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return rest;
}

function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (!SERVER_ENFORCED.has(key)) out[key] = simplify(value);
  // {"anyOf":[{"type":"number"},{"type":"string"}]} says no more than {"type":["number","string"]}.
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.every((branch) => isBareType(branch))) {
    delete out.anyOf;
    out.type = anyOf.map((branch) => (branch as { type: string }).type);
  }
  return out;
}

function isBareType(branch: unknown): boolean {
  return (
    !!branch && typeof branch === 'object' && Object.keys(branch).length === 1 && typeof (branch as { type?: unknown }).type === 'string'
  );
}
