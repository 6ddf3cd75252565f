import type { CompleteRequest, CompleteResult } from '@modelcontextprotocol/server';
import { DOCUMENTED_MEETING_TYPES } from '../api/meeting-types.js';
import type { ArgumentKind } from '../prompts/define-prompt.js';
import { allPrompts } from '../prompts/index.js';
import { allResourceTemplates } from '../resources/index.js';
import { addDays, mondayOf, todayIn } from '../time/calendar-days.js';
import { knownZone } from '../time/known-zone.js';
import { completeTimeZone } from '../time/zone-names.js';
import type { OfferingContext } from './handler-deps.js';
import type { Inventory } from './inventory.js';
import type { RecentValues } from './recent-values.js';

// MCP caps a completion answer at 100 values.
const MAX_VALUES = 100;
// Nothing completable is longer (ids are 32 hex, zones at most 64): a longer value is matched against nothing.
const MAX_TYPED = 128;

/**
 * completion/complete for prompt arguments and resource-template variables:
 * zones by prefix or city, meeting types, dates, and ids from the lists the
 * server has shown — never an API call.
 */
export function complete(request: CompleteRequest, ctx: OfferingContext): CompleteResult {
  const { ref, argument, context } = request.params;
  const kind = kindOf(ctx.inventory, ref, argument.name);
  const values =
    kind && argument.value.length <= MAX_TYPED ? candidates(kind, argument.value, { ...ctx, zone: context?.arguments?.timeZone }) : [];
  return { completion: { values: values.slice(0, MAX_VALUES), total: values.length, hasMore: values.length > MAX_VALUES } };
}

// Only what this server offers is completed: a prompt or template switched off by the tool selection has no arguments here.
function kindOf(inventory: Inventory, ref: { type: string; name?: string; uri?: string }, argument: string): ArgumentKind | undefined {
  if (ref.type === 'ref/prompt') {
    const prompt = inventory.prompts(allPrompts).find((candidate) => candidate.name === ref.name);
    return prompt?.arguments.find((arg) => arg.name === argument)?.kind;
  }
  const template = inventory.templates(allResourceTemplates).find((candidate) => candidate.uriTemplate === ref.uri);
  return template?.variables[argument];
}

function candidates(
  kind: ArgumentKind,
  typed: string,
  deps: { recent: RecentValues; now: () => number; zone: string | undefined },
): string[] {
  const startsWith = (values: readonly string[]) => values.filter((value) => value.toLowerCase().startsWith(typed.trim().toLowerCase()));
  switch (kind) {
    case 'timeZone':
      return completeTimeZone(typed);
    case 'meetingType':
      return startsWith([...new Set([...deps.recent.values('meetingType'), ...DOCUMENTED_MEETING_TYPES])]);
    case 'ownerId':
    case 'prospectId':
    case 'meetingId':
      return startsWith(deps.recent.values(kind));
    case 'week':
    case 'day': {
      // The zone is the client's text: checked and made canonical before any cache or Temporal sees it.
      const zone = typeof deps.zone === 'string' ? knownZone(deps.zone)?.name : undefined;
      const today = todayIn(zone ?? 'UTC', deps.now());
      const dates =
        kind === 'week'
          ? [0, 7, 14, 21, 28, 35].map((d) => addDays(mondayOf(today), d))
          : [...Array(14).keys()].map((d) => addDays(today, d));
      return startsWith(dates);
    }
    case 'time':
      return startsWith(
        [...Array(21).keys()].map((half) => `${String(8 + Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`),
      );
    case 'meetingDate':
      return [];
  }
}
