import { describe, expect, it } from 'vitest';
import { resolveTimeZone } from '../../src/time/time-zone.js';

describe('resolveTimeZone', () => {
  it.each([
    ['America/New_York', 'America/New_York'],
    ['america/new_york', 'America/New_York'],
    [' Europe/Berlin ', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['asia/calcutta', 'Asia/Calcutta'],
    ['us/eastern', 'US/Eastern'],
  ])('accepts %s as %s', (input, canonical) => {
    expect(resolveTimeZone(input)).toBe(canonical);
  });

  it.each([
    ['EST', /abbreviation.*America\/New_York/],
    ['pst', /abbreviation.*America\/Los_Angeles/],
    ['+05:00', /not a known IANA time zone/],
    ['Mars/Olympus_Mons', /not a known IANA time zone/],
    ['', /not a known IANA time zone/],
  ])('refuses %s', (input, message) => {
    expect(() => resolveTimeZone(input)).toThrow(message);
  });
});
