import { describe, expect, it } from 'vitest';
import { describeMeetingTime } from '../../src/format/meeting-time.js';

describe('describeMeetingTime', () => {
  it('writes date, weekday, 24h time, short offset and zone', () => {
    expect(describeMeetingTime(Date.UTC(2025, 2, 10, 14, 0), 'America/New_York')).toBe('2025-03-10 Mon 10:00-04 America/New_York');
    expect(describeMeetingTime(Date.UTC(2025, 2, 10, 4, 30), 'Asia/Kolkata')).toBe('2025-03-10 Mon 10:00+05:30 Asia/Kolkata');
  });

  it('shows a zone nobody knows in UTC, and says so', () => {
    expect(describeMeetingTime(Date.UTC(2025, 2, 10, 14, 0), 'Mars/Base')).toBe(
      '2025-03-10 Mon 14:00+00 UTC (HiringCenter gave the unknown time zone "Mars/Base")',
    );
  });

  it('marks a date no calendar can show instead of failing', () => {
    expect(describeMeetingTime(Number.MAX_SAFE_INTEGER, 'UTC')).toBe(
      'meetingDate 9007199254740991 (not a date this server can show) in "UTC"',
    );
    expect(describeMeetingTime(-1e15, 'UTC')).toMatch(/not a date this server can show/);
  });
});
