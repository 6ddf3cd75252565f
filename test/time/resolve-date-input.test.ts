import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input-error.js';
import { isZoneDependent, resolveDateInput } from '../../src/time/resolve-date-input.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('resolveDateInput', () => {
  it.each([
    // [input, zone, expected UTC instant]
    ['2025-03-10T10:00', 'America/New_York', '2025-03-10T14:00:00.000Z'], // EDT, the day after spring-forward
    ['2025-03-07T10:00', 'America/New_York', '2025-03-07T15:00:00.000Z'], // EST
    ['2025-03-10 10:00', 'America/New_York', '2025-03-10T14:00:00.000Z'], // space separator
    ['2025-03-10T10:00:30', 'Europe/Berlin', '2025-03-10T09:00:30.000Z'],
    ['2025-06-01T09:00', 'Asia/Kolkata', '2025-06-01T03:30:00.000Z'], // +05:30
    ['2025-06-01T09:00', 'Asia/Kathmandu', '2025-06-01T03:15:00.000Z'], // +05:45
    ['2025-06-01T09:00', 'Pacific/Chatham', '2025-05-31T20:15:00.000Z'], // +12:45
    ['2025-06-01T09:00', 'Pacific/Kiritimati', '2025-05-31T19:00:00.000Z'], // +14
    ['2025-01-15T09:00', 'Australia/Lord_Howe', '2025-01-14T22:00:00.000Z'], // +11 in summer
    ['2025-06-01T09:00', 'UTC', '2025-06-01T09:00:00.000Z'],
  ])('reads wall-clock %s in %s', (input, zone, expected) => {
    const result = resolveDateInput(input, { field: 'meetingDate', timeZone: zone });
    expect(iso(result.epochMs)).toBe(expected);
    expect(result.note).toBeUndefined();
  });

  it.each([
    ['2025-03-10T10:00:00-04:00', '2025-03-10T14:00:00.000Z'],
    ['2025-03-10T14:00:00Z', '2025-03-10T14:00:00.000Z'],
    ['2025-03-10t14:00z', '2025-03-10T14:00:00.000Z'],
    ['2025-03-10T19:30+05:30', '2025-03-10T14:00:00.000Z'],
    ['2025-03-10T10:00:00-04:00[America/New_York]', '2025-03-10T14:00:00.000Z'],
    ['2025-03-10T14:00:00.250Z', '2025-03-10T14:00:00.250Z'],
  ])('takes %s as an exact instant, whatever the zone', (input, expected) => {
    expect(iso(resolveDateInput(input, { field: 'meetingDate', timeZone: 'Asia/Tokyo' }).epochMs)).toBe(expected);
    expect(iso(resolveDateInput(input, { field: 'meetingDate' }).epochMs)).toBe(expected);
  });

  it('takes epoch milliseconds as numbers or digit strings', () => {
    expect(resolveDateInput(1741615200000, { field: 'meetingDate' }).epochMs).toBe(1741615200000);
    expect(resolveDateInput('1741615200000', { field: 'meetingDate' }).epochMs).toBe(1741615200000);
  });

  it('refuses a time skipped by spring-forward and names the nearest valid times', () => {
    const attempt = () => resolveDateInput('2025-03-09T02:30', { field: 'meetingDate', timeZone: 'America/New_York' });
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(/does not exist in America\/New_York/);
    expect(attempt).toThrow(/02:00 to 03:00/);
    expect(attempt).toThrow(/"2025-03-09T01:59" \(UTC-05:00\) or "2025-03-09T03:00" \(UTC-04:00\)/);
  });

  it('refuses the half-hour gap of Lord Howe Island', () => {
    expect(() => resolveDateInput('2025-10-05T02:15', { field: 'meetingDate', timeZone: 'Australia/Lord_Howe' })).toThrow(
      /02:00 to 02:30.*"2025-10-05T02:30"/,
    );
  });

  it('resolves the repeated fall-back hour to the first occurrence and says which offset it used', () => {
    const result = resolveDateInput('2025-11-02T01:30', { field: 'meetingDate', timeZone: 'America/New_York' });
    expect(iso(result.epochMs)).toBe('2025-11-02T05:30:00.000Z'); // 01:30 EDT (-04:00)
    expect(result.note).toMatch(/happens twice/);
    expect(result.note).toMatch(/UTC-04:00/);
    expect(result.note).toContain('"2025-11-02T01:30-05:00"');
  });

  it('reads a bare date as the start of that day, even where midnight is skipped', () => {
    const options = { field: 'meetingDateAfter', timeZone: 'America/Santiago', allowDateOnly: true };
    // Chile springs forward at 24:00 on 2025-09-06: the day starts at 01:00.
    expect(iso(resolveDateInput('2025-09-07', options).epochMs)).toBe('2025-09-07T04:00:00.000Z');
    expect(iso(resolveDateInput('2025-03-10', { ...options, timeZone: 'UTC' }).epochMs)).toBe('2025-03-10T00:00:00.000Z');
  });

  it.each([
    ['2025-03-10T10:00', {}, /needs a time zone/],
    ['2025-03-10', { timeZone: 'UTC' }, /without a time of day/],
    ['2025-02-30T10:00', { timeZone: 'UTC' }, /not a valid calendar date/],
    ['2025-03-10T25:00Z', {}, /not a valid date-time/],
    ['2025-03-10T10:00:00-04:00[Europe/Paris]', {}, /not a valid date-time/],
    ['next tuesday', {}, /not a date this server understands/],
    ['10/03/2025', {}, /not a date this server understands/],
    [1741615200, {}, /looks like epoch seconds.*1741615200000/],
    [Number.NaN, {}, /not a whole number/],
    [Number.POSITIVE_INFINITY, {}, /not a whole number/],
    [1.5e12 + 0.5, {}, /not a whole number/],
    [9e15, {}, /outside the supported range/],
    [-5, {}, /outside the supported range/],
  ])('refuses %s with a message that says what to send', (input, extra, message) => {
    const attempt = () => resolveDateInput(input, { field: 'meetingDate', ...extra });
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as InputError).field).toBe('meetingDate');
      // The fix is the argument's accepted forms (added by the server) unless the problem has a fix of its own.
      expect((error as InputError).problem.length).toBeGreaterThan(10);
    }
  });

  it('knows which inputs depend on a zone', () => {
    expect(isZoneDependent('2025-03-10T10:00')).toBe(true);
    expect(isZoneDependent('2025-03-10')).toBe(true);
    expect(isZoneDependent('2025-03-10T10:00Z')).toBe(false);
    expect(isZoneDependent(1741615200000)).toBe(false);
  });
});
