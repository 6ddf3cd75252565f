import type { Meeting } from '../../src/api/schemas.js';
import type { Harness } from './harness.js';

/** One intended change, as an agent would ask for it. Targets index the meetings still standing. */
export type WorkloadOp =
  | { kind: 'create'; slot: number }
  | { kind: 'update'; target: number; notes?: string; hour?: number; clearLocation?: boolean }
  | { kind: 'delete'; target: number };

export interface WorkloadResult {
  /** Tool calls made, repeats included. */
  calls: number;
  /** Calls that came back as errors (each one repeated, as an agent would). */
  errorsSurfaced: number;
  /** Intended changes that never succeeded. */
  gaveUp: number;
}

const PROSPECTS = ['c1a7e9d34b8f4c2aa6d15e0f7b3c9d42', '5f0e8d1c2b3a49687f6e5d4c3b2a1908'];
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];

function createArgs(slot: number): Record<string, unknown> {
  const day = 1 + (slot % 28);
  const hour = 8 + (slot % 9);
  return {
    prospectId: PROSPECTS[slot % PROSPECTS.length],
    ownerId: 'b2e7a1d94c3f4a8eb6d05c1f9a7e2d45',
    meetingType: slot % 3 === 0 ? 'phone' : 'virtual',
    meetingDate: `2025-07-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`,
    timeZone: ZONES[slot % ZONES.length],
    location: 'Zoom',
    notes: `slot ${slot}`,
  };
}

// An error an agent should answer by repeating the same call: the server says the change may not have landed, or to try again.
const TRANSIENT = /may have been applied|try again|timed out|cannot trust/i;

/**
 * Plays `ops` through the MCP server like an agent: every call that fails
 * with a transient error is repeated as is, up to `maxRepeats` times.
 */
export async function runWorkload(h: Harness, ops: readonly WorkloadOp[], maxRepeats = 6): Promise<WorkloadResult> {
  const live: string[] = [];
  const result: WorkloadResult = { calls: 0, errorsSurfaced: 0, gaveUp: 0 };

  async function persist(name: string, args: Record<string, unknown>) {
    for (let attempt = 0; attempt <= maxRepeats; attempt++) {
      result.calls += 1;
      const answer = await h.call(name, args);
      if (!answer.isError) return answer;
      result.errorsSurfaced += 1;
      if (!TRANSIENT.test(answer.text)) throw new Error(`${name} failed for good: ${answer.text}`);
    }
    result.gaveUp += 1;
    return undefined;
  }

  for (const op of ops) {
    if (op.kind === 'create') {
      const answer = await persist('create_meeting', createArgs(op.slot));
      const id = (answer?.structured as { meeting: Meeting } | undefined)?.meeting.id;
      if (id && !live.includes(id)) live.push(id);
      continue;
    }
    if (!live.length) continue;
    const index = op.target % live.length;
    const meetingId = live[index]!;
    if (op.kind === 'delete') {
      if (await persist('delete_meeting', { meetingId })) live.splice(index, 1);
      continue;
    }
    await persist('update_meeting', {
      meetingId,
      ...(op.notes !== undefined ? { notes: op.notes } : {}),
      ...(op.hour !== undefined ? { meetingDate: `2025-08-01T${String(op.hour).padStart(2, '0')}:30` } : {}),
      ...(op.clearLocation ? { location: null } : {}),
      ...(op.notes === undefined && op.hour === undefined && !op.clearLocation ? { meetingType: 'in-person' } : {}),
    });
  }
  return result;
}

/** The API's meetings as comparable facts: no ids or timestamps, which differ between runs by design. */
export function comparableState(meetings: readonly Meeting[]): string[] {
  return meetings
    .map((m) => JSON.stringify([m.prospectId, m.ownerId, m.meetingType, m.meetingDate, m.timeZone, m.location, m.notes]))
    .sort();
}

/** Meetings in `actual` beyond `expected` (duplicates) and facts of `expected` missing from `actual` (lost writes). */
export function compareStates(expected: readonly string[], actual: readonly string[]): { duplicates: number; lostWrites: number } {
  const remaining = new Map<string, number>();
  for (const fact of expected) remaining.set(fact, (remaining.get(fact) ?? 0) + 1);
  let duplicates = 0;
  for (const fact of actual) {
    const left = remaining.get(fact) ?? 0;
    if (left > 0) remaining.set(fact, left - 1);
    else duplicates += 1;
  }
  const lostWrites = [...remaining.values()].reduce((sum, n) => sum + n, 0);
  return { duplicates, lostWrites };
}
