import { DOCUMENTED_MEETING_TYPES } from '../api/meeting-types.js';

/**
 * Forgiveness for the ways models commonly send a right value in a wrong
 * form — only where the meaning is unambiguous; everything else is left for
 * the schema to refuse with the accepted form.
 */

// Whole numbers only; a "50" string cannot mean anything else.
const NUMERIC = new Set(['limit', 'maxResults']);
const BOOLEAN = new Set(['dryRun']);

export function normalizeArguments(args: Record<string, unknown>, validNames: readonly string[]): Record<string, unknown> {
  const unwrapped = unwrapStringifiedObject(args, validNames);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(unwrapped)) out[name] = normalizeValue(name, value);
  return out;
}

/** {"arguments": "{\"meetingId\": …}"} or {"input": {…}}: one wrapper key that is not an argument. */
function unwrapStringifiedObject(args: Record<string, unknown>, validNames: readonly string[]): Record<string, unknown> {
  const [key, ...more] = Object.keys(args);
  if (key === undefined || more.length || validNames.includes(key)) return args;
  const inner = parseObject(args[key]);
  return inner && Object.keys(inner).every((key) => validNames.includes(key)) ? inner : args;
}

function normalizeValue(name: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (NUMERIC.has(name) && /^\d{1,9}$/.test(text)) return Number(text);
  if (BOOLEAN.has(name) && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (name === 'meetingType') {
    const squashed = text.toLowerCase().replace(/[\s_]+/g, '-');
    // A case or spacing variant of a documented label means that label.
    return DOCUMENTED_MEETING_TYPES.find((label) => label === squashed || label.replace('-', '') === squashed) ?? value;
  }
  return value;
}

function parseObject(value: unknown): Record<string, unknown> | undefined {
  let candidate = value;
  if (typeof value === 'string' && value.trim().startsWith('{')) {
    try {
      candidate = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return candidate && typeof candidate === 'object' && !Array.isArray(candidate) ? (candidate as Record<string, unknown>) : undefined;
}
