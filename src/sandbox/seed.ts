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
  'America/New_York', 'America/New_York', 'America/Chicago', 'America/Los_Angeles',
  'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo',
];
const TYPES = ['virtual', 'virtual', 'phone', 'in-person'];
const LOCATIONS: Record<string, (string | null)[]> = {
  virtual: ['Zoom', 'Google Meet', 'Microsoft Teams', 'https://zoom.us/j/5550142'],
  phone: ['Recruiter calls the candidate', '+1 555-0142', null],
  'in-person': ['HQ, 5th floor — Room "Ada"', 'Berlin office, Torstraße 12', 'Café across the street'],
};
const NOTES = [
  'Intro call: walk through the role and team.',
  'Technical screen — 45 min, system design.',
  'Review benefits package and next interview steps.',
  'Candidate asked to move from Tuesday; confirm by email.\nBring the offer letter draft.',
  'Hiring manager: "keen to close this week".',
  'Reference check | former manager',
  null,
  null,
];
const SLOTS = ['09:00', '09:30', '10:00', '11:00', '13:30', '14:00', '15:00', '16:30'];

/** Fills `store` with realistic, reproducible meetings for demos and tests. */
export function seedMeetings(store: MeetingStore, options: SeedOptions): Meeting[] {
  const random = mulberry32(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hex = () => Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const owners = Array.from({ length: 4 }, hex);
  const prospects = Array.from({ length: 24 }, hex);
  const apiKey = { id: 'key_sandbox', name: 'Sandbox key' };
  const seeded: Meeting[] = [];
  for (let i = 0; i < (options.count ?? 60); i++) {
    const timeZone = pick(ZONES);
    const dayOffset = Math.floor(random() * 42) - 10;
    let local = Temporal.Instant.fromEpochMilliseconds(options.now).toZonedDateTimeISO(timeZone).toPlainDate().add({ days: dayOffset });
    // Recruiters meet on weekdays: move Saturday and Sunday to Monday.
    if (local.dayOfWeek > 5) local = local.add({ days: 8 - local.dayOfWeek });
    const meetingDate = local.toZonedDateTime({ timeZone, plainTime: pick(SLOTS) }).epochMilliseconds;
    const meetingType = pick(TYPES);
    const owner = pick(owners);
    const viaApi = random() < 0.3;
    const createdAt = Math.min(meetingDate, options.now) - Math.floor(random() * 7 + 1) * 86_400_000;
    const meeting: Meeting = {
      id: hex(),
      prospectId: pick(prospects),
      meetingDate,
      timeZone,
      meetingType,
      ownerId: owner,
      location: pick(LOCATIONS[meetingType] ?? [null]),
      notes: pick(NOTES),
      createdBy: viaApi ? null : owner,
      createdByApi: viaApi,
      createdByApiKeyId: viaApi ? apiKey.id : null,
      createdByApiKeyName: viaApi ? apiKey.name : null,
      createdAt,
      updatedAt: createdAt,
      review: dayOffset < 0 && random() < 0.5 ? { rating: 1 + Math.floor(random() * 5), summary: 'Strong communicator.' } : null,
    };
    store.insert(meeting);
    seeded.push(meeting);
  }
  return seeded;
}
