import { InputError } from '../input-error.js';
import { parseDateTimeText, parseLocalDate, parseLocalTime } from '../time/calendar-days.js';
import { resolveTimeZone } from '../time/time-zone.js';
import { meetingId, meetingType, ownerId, prospectId } from '../tools/arguments.js';
import type { ArgumentKind, PromptArgument } from './define-prompt.js';

/** One required prompt argument, described once: its text for the client's form and what completes it. */
export function argument<const Name extends string>(name: Name, kind: ArgumentKind, description: string): PromptArgument<Name, true> {
  return { name, kind, description, required: true };
}

/** One optional prompt argument. */
export function optional<const Name extends string>(name: Name, kind: ArgumentKind, description: string): PromptArgument<Name, false> {
  return { name, kind, description, required: false };
}

/**
 * A prompt argument's value, checked as the tools would check it (the same
 * zod fields, zone rules and date grammar), so a prompt never tells the model to make a call
 * that is bound to fail. A date and time is checked by its form only: the zone that gives it its
 * meaning may be the meeting's own, which the prompt does not know.
 */
export function checked(kind: ArgumentKind, field: string, value: string): string {
  const id = { ownerId, prospectId, meetingId, meetingType }[kind as 'ownerId'];
  if (id) {
    const parsed = id.safeParse(value);
    if (!parsed.success) throw new InputError(field, parsed.error.issues[0]?.message ?? 'is not valid.');
    return parsed.data;
  }
  if (kind === 'timeZone') return resolveTimeZone(value, field);
  if (kind === 'week' || kind === 'day') return parseLocalDate(value, field);
  if (kind === 'time') return parseLocalTime(value, field);
  if (kind === 'meetingDate') return parseDateTimeText(value, field);
  return value;
}

/** The checked value of every argument given, and a clear error for a required one left out. */
export function checkedArguments(
  declared: readonly PromptArgument[],
  given: Readonly<Record<string, string | undefined>>,
): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const arg of declared) {
    const value = given[arg.name]?.trim();
    if (!value) {
      if (arg.required) throw new InputError(arg.name, 'is required.', arg.description);
      continue;
    }
    result[arg.name] = checked(arg.kind, arg.name, value);
  }
  return result;
}
