import { describe, expect, it } from 'vitest';
import { describeInstant, formatLocalTime } from '../../src/time/describe-instant.js';

describe('describeInstant', () => {
  it.each([
    [Date.UTC(2025, 2, 10, 14, 0), 'America/New_York', '2025-03-10 Mon 10:00-04 America/New_York'],
    [Date.UTC(2025, 2, 7, 15, 0), 'America/New_York', '2025-03-07 Fri 10:00-05 America/New_York'],
    // The day clocks change: before and after the jump, and the two 01:30s of the fall-back night.
    [Date.UTC(2025, 2, 9, 6, 30), 'America/New_York', '2025-03-09 Sun 01:30-05 America/New_York'],
    [Date.UTC(2025, 2, 9, 7, 30), 'America/New_York', '2025-03-09 Sun 03:30-04 America/New_York'],
    [Date.UTC(2025, 10, 2, 5, 30), 'America/New_York', '2025-11-02 Sun 01:30-04 America/New_York'],
    [Date.UTC(2025, 10, 2, 6, 30), 'America/New_York', '2025-11-02 Sun 01:30-05 America/New_York'],
    [Date.UTC(2025, 9, 4, 15, 45), 'Australia/Lord_Howe', '2025-10-05 Sun 02:45+11 Australia/Lord_Howe'],
    [Date.UTC(2025, 9, 4, 15, 15), 'Australia/Lord_Howe', '2025-10-05 Sun 01:45+10:30 Australia/Lord_Howe'],
    [Date.UTC(2025, 5, 1, 3, 30), 'Asia/Kolkata', '2025-06-01 Sun 09:00+05:30 Asia/Kolkata'],
    [Date.UTC(2025, 4, 31, 20, 15), 'Pacific/Chatham', '2025-06-01 Sun 09:00+12:45 Pacific/Chatham'],
    [Date.UTC(2025, 4, 31, 23, 30), 'UTC', '2025-05-31 Sat 23:30+00 UTC'],
    [Date.UTC(2025, 4, 31, 23, 30, 15), 'UTC', '2025-05-31 Sat 23:30:15+00 UTC'],
    [Date.UTC(2025, 4, 31, 23, 30, 15, 7), 'UTC', '2025-05-31 Sat 23:30:15.007+00 UTC'],
  ])('shows %i in %s as %s', (ms, zone, expected) => {
    expect(formatLocalTime(describeInstant(ms, zone))).toBe(expected);
  });

  it('does not depend on the process time zone (tests run under TZ=Pacific/Kiritimati)', () => {
    expect(new Date(0).getTimezoneOffset()).not.toBe(0);
    expect(describeInstant(Date.UTC(2025, 0, 1, 0, 0), 'UTC').date).toBe('2025-01-01');
  });
});
