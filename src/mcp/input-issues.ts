import type * as z from 'zod/v4';
import { InputError } from '../input-error.js';
import { acceptedForm } from '../tools/argument-forms.js';
import { requiredArguments, type ToolDefinition } from '../tools/define-tool.js';
import { exampleArguments } from '../tools/example-call.js';

/**
 * Turns zod's issues into one InputError a model can act on: the field, what
 * is wrong in plain words, and the accepted form — instead of zod's JSON.
 * Several missing arguments are named together, with one example call, so a
 * model learns them in one try rather than one per call.
 */
export function inputErrorFromIssues(
  error: z.ZodError,
  tool: Pick<ToolDefinition, 'name' | 'inputSchema' | 'example'>,
  args: Record<string, unknown>,
  now: number,
): InputError {
  const shape = tool.inputSchema.shape;
  const validNames = Object.keys(shape);
  // A misspelt argument name explains the "required" issue it causes, so it is reported first.
  const unknownName = error.issues.find((i) => i.code === 'unrecognized_keys');
  const missing = requiredArguments(tool).filter((name) => args[name] === undefined);
  if (!unknownName && missing.length > 1) {
    return new InputError(
      undefined,
      `${missing.join(', ')} are required.`,
      `Send them all in one call, e.g. ${tool.name} ${JSON.stringify(exampleArguments(tool, now))}.`,
    );
  }
  const issue = unknownName ?? error.issues[0];
  if (!issue) return new InputError(undefined, 'the arguments are invalid.', `Valid arguments: ${validNames.join(', ')}.`);
  const field = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
  const fix = (field && acceptedForm(field)) || `Valid arguments: ${validNames.join(', ')}.`;

  switch (issue.code) {
    case 'unrecognized_keys': {
      const unknown = issue.keys[0] ?? '';
      const closest = closestName(unknown, validNames);
      return new InputError(
        unknown,
        `is not an argument of this tool.`,
        `${closest ? `Did you mean "${closest}"? ` : ''}Valid arguments: ${validNames.join(', ')}.`,
      );
    }
    case 'invalid_type':
      if (!field) return new InputError(undefined, 'arguments must be a JSON object.', `Valid arguments: ${validNames.join(', ')}.`);
      if (field && missing.includes(field)) return new InputError(field, 'is required.', fix);
      return new InputError(field, `must be ${article(issue.expected)}, not ${received(issue.message)}.`, fix);
    case 'invalid_union':
      if (field && missing.includes(field)) return new InputError(field, 'is required.', fix);
      return new InputError(field, 'must be a number (epoch ms) or a string.', fix);
    case 'too_big':
      return new InputError(
        field,
        issue.origin === 'string' ? `is longer than ${String(issue.maximum)} characters.` : `must be at most ${String(issue.maximum)}.`,
        fix,
      );
    case 'too_small':
      return new InputError(
        field,
        issue.origin === 'string'
          ? Number(issue.minimum) <= 1
            ? 'must not be empty.'
            : `must be at least ${String(issue.minimum)} characters long.`
          : `must be at least ${String(issue.minimum)}.`,
        fix,
      );
    case 'invalid_format':
      return new InputError(field, issue.message, fix);
    case 'custom':
      return new InputError(field, issue.message, fix);
    default:
      return new InputError(field, issue.message.replace(/^Invalid input:?\s*/i, '') || 'is invalid.', fix);
  }
}

function article(expected: string): string {
  const name = expected === 'int' ? 'whole number' : expected;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

function received(message: string): string {
  const type = /received (\w+)/.exec(message)?.[1];
  return type === undefined ? 'something else' : type === 'null' ? 'null' : article(type);
}

/** The valid name within a small edit distance, for typos like meeting_id or meetingID. */
function closestName(name: string, candidates: readonly string[]): string | undefined {
  const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const target = normalise(name);
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(target, normalise(candidate));
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(target.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
