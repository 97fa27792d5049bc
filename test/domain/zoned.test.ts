import { describe, expect, it } from 'vitest';
import { localDateKey, localDateKeyer, localTimeOfDay } from '../../src/domain/time/zoned.ts';

// Fixed offsets (WIB, WITA, WIT), DST zones in both hemispheres, a 30-minute DST shift, a
// 45-minute offset, and Samoa, which skipped 30 December 2011.
const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'UTC'];

describe('localDateKeyer', () => {
  it.each(zones)('agrees with localDateKey every 15 minutes through 2026 and around Samoa\'s skipped day (%s)', (zone) => {
    const key = localDateKeyer(zone);
    const ranges: [string, string][] = [
      ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'],
      ['2011-12-28T00:00:00Z', '2012-01-02T00:00:00Z'],
    ];
    const fast: string[] = [];
    const slow: string[] = [];
    for (const [from, to] of ranges) {
      for (let ms = Date.parse(from); ms < Date.parse(to); ms += 15 * 60_000) {
        // Off the quarter hour too, so instants just before and after a change are both asked.
        for (const instant of [new Date(ms), new Date(ms + 7 * 60_000 + 1_234)]) {
          fast.push(`${instant.toISOString()} ${key(instant)}`);
          slow.push(`${instant.toISOString()} ${localDateKey(instant, zone)}`);
        }
      }
    }
    expect(fast).toEqual(slow);
  });

  it('the 23:30 / 00:30 WIB boundary', () => {
    const key = localDateKeyer('Asia/Jakarta');
    expect(key(new Date('2026-11-20T16:30:00.000Z'))).toBe('2026-11-20'); // 23:30 WIB
    expect(key(new Date('2026-11-20T17:30:00.000Z'))).toBe('2026-11-21'); // 00:30 WIB
  });
});

describe('localTimeOfDay', () => {
  it('gives the 24-hour local time that schedules are compared with', () => {
    expect(localTimeOfDay(new Date('2026-11-23T01:05:00Z'), 'Asia/Jakarta')).toBe('08:05');
    expect(localTimeOfDay(new Date('2026-11-23T16:30:00Z'), 'Asia/Jakarta')).toBe('23:30');
    expect(localTimeOfDay(new Date('2026-11-23T16:30:00Z'), 'Asia/Jayapura')).toBe('01:30');
  });
});
