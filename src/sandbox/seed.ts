import { Temporal } from 'temporal-polyfill';
import type { Meeting } from '../api/schemas.js';
import type { MeetingStore } from './meeting-store.js';
import { mulberry32 } from './scripted-faults.js';

export interface SeedOptions {
  /** Meetings are spread around this instant: some past, most in the coming weeks. */
  now: number;
  count?: number;
  /** Same seed, same meetings (ids included). */
  seed?: number;
}

const ZONES = [
  'America/New_York',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Sydney',
  'America/Sao_Paulo',
];
const SLOTS = ['09:00', '09:30', '10:00', '11:00', '13:30', '14:00', '15:00', '16:30'];

// A hiring pipeline: each prospect moves through these stages with one recruiter.
const STAGES: { type: string; locations: (string | null)[]; notes: (string | null)[] }[] = [
  {
    type: 'phone',
    locations: ['Recruiter calls the candidate', '+1 555-0142', null],
    notes: ['Intro call: walk through the role and team.', 'Screening call | salary expectations', null],
  },
  {
    type: 'virtual',
    locations: ['Zoom', 'Google Meet', 'Microsoft Teams', 'https://zoom.us/j/5550142'],
    notes: ['Technical screen — 45 min, system design.', 'Pair-programming exercise; share the repo link beforehand.', null],
  },
  {
    type: 'in-person',
    locations: ['HQ, 5th floor — Room "Ada"', 'Berlin office, Torstraße 12', 'Café across the street'],
    notes: [
      'Onsite loop: 3 interviews + lunch with the team.',
      'Candidate asked to move from Tuesday; confirm by email.\nBring the offer letter draft.',
    ],
  },
  {
    type: 'virtual',
    locations: ['Zoom', 'Google Meet'],
    notes: [
      'Review benefits package and next interview steps.',
      'Hiring manager: "keen to close this week".',
      'Reference check | former manager',
    ],
  },
];

/**
 * Fills `store` with realistic, reproducible meetings for demos and tests:
 * prospects in several countries, each in a pipeline of one to four meetings
 * a few weekdays apart with one recruiter, some booked by an ATS integration
 * through the API, past ones sometimes reviewed.
 */
export function seedMeetings(store: MeetingStore, options: SeedOptions): Meeting[] {
  const random = mulberry32(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hex = () => Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const recruiters = Array.from({ length: 4 }, hex);
  const coordinator = hex();
  const apiKey = { id: 'key_sandbox', name: 'Sandbox key' };
  const count = options.count ?? 60;
  const seeded: Meeting[] = [];
  while (seeded.length < count) {
    const prospectId = hex();
    const owner = pick(recruiters);
    const timeZone = pick(ZONES);
    const viaApi = random() < 0.3;
    let day = Temporal.Instant.fromEpochMilliseconds(options.now)
      .toZonedDateTimeISO(timeZone)
      .toPlainDate()
      .add({ days: Math.floor(random() * 45) - 14 });
    const stages = 1 + Math.floor(random() * STAGES.length);
    for (const plan of STAGES.slice(0, stages)) {
      if (seeded.length >= count) break;
      // Recruiters meet on weekdays: move Saturday and Sunday to Monday.
      if (day.dayOfWeek > 5) day = day.add({ days: 8 - day.dayOfWeek });
      const meetingDate = day.toZonedDateTime({ timeZone, plainTime: pick(SLOTS) }).epochMilliseconds;
      const createdBy = viaApi ? null : random() < 0.15 ? coordinator : owner;
      const createdAt = Math.min(meetingDate, options.now) - Math.floor(random() * 7 + 1) * 86_400_000;
      // Drawn for every meeting, past or not: the draws (and so every id) never depend on the time of day of `now`.
      const reviewed = random() < 0.5;
      const rating = 1 + Math.floor(random() * 5);
      const meeting: Meeting = {
        id: hex(),
        prospectId,
        meetingDate,
        timeZone,
        meetingType: plan.type,
        ownerId: owner,
        location: pick(plan.locations),
        notes: pick(plan.notes),
        createdBy,
        createdByApi: viaApi,
        createdByApiKeyId: viaApi ? apiKey.id : null,
        createdByApiKeyName: viaApi ? apiKey.name : null,
        createdAt,
        updatedAt: createdAt,
        review: meetingDate < options.now && reviewed ? { rating, summary: 'Strong communicator.' } : null,
      };
      store.insert(meeting);
      seeded.push(meeting);
      day = day.add({ days: 2 + Math.floor(random() * 5) });
    }
  }
  return seeded;
}
