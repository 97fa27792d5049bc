import { describe, expect, it } from 'vitest';
import { isoWeekKey, parsePeriodRequest, previousPeriod, resolvePeriod } from '../../../src/domain/recap/period.ts';

describe('recap periods', () => {
  it('reads the words /rekap accepts', () => {
    expect(parsePeriodRequest('')).toEqual({ kind: 'week', offset: 0 });
    expect(parsePeriodRequest('Minggu')).toEqual({ kind: 'week', offset: 0 });
    expect(parsePeriodRequest('minggu  lalu')).toEqual({ kind: 'week', offset: -1 });
    expect(parsePeriodRequest('bulan')).toEqual({ kind: 'month', offset: 0 });
    expect(parsePeriodRequest('bulan lalu')).toEqual({ kind: 'month', offset: -1 });
    expect(parsePeriodRequest('2026-11')).toEqual({ kind: 'month', month: '2026-11' });
    expect(parsePeriodRequest('2026-w47')).toEqual({ kind: 'week', week: '2026-W47' });
    for (const bad of ['2026-13', '2026-00', '2026-W54', 'kemarin', '11-2026']) expect(parsePeriodRequest(bad)).toBeNull();
  });

  it('ISO weeks belong to the year of their Thursday', () => {
    expect(isoWeekKey('2026-11-23')).toBe('2026-W48');
    expect(isoWeekKey('2026-11-22')).toBe('2026-W47');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
  });

  it('the running period is counted up to today; a past one whole; a future one is refused', () => {
    const today = '2026-11-25';
    expect(resolvePeriod({ kind: 'week', offset: 0 }, today)).toEqual({ kind: 'week', key: '2026-W48', from: '2026-11-23', until: '2026-11-29', countedUntil: today });
    expect(resolvePeriod({ kind: 'month', offset: -1 }, today)).toEqual({ kind: 'month', key: '2026-10', from: '2026-10-01', until: '2026-10-31', countedUntil: '2026-10-31' });
    expect(resolvePeriod({ kind: 'month', month: '2026-02' }, today)?.until).toBe('2026-02-28');
    expect(resolvePeriod({ kind: 'month', month: '2024-02' }, today)?.until).toBe('2024-02-29');
    expect(resolvePeriod({ kind: 'month', offset: -11 }, today)?.key).toBe('2025-12');
    expect(resolvePeriod({ kind: 'week', week: '2026-W47' }, today)?.from).toBe('2026-11-16');
    expect(resolvePeriod({ kind: 'month', month: '2026-12' }, today)).toBeNull();
  });

  it('the previous period has the same kind', () => {
    const today = '2026-11-23';
    const week = resolvePeriod({ kind: 'week', offset: 0 }, today);
    const month = resolvePeriod({ kind: 'month', month: '2026-01' }, today);
    if (!week || !month) throw new Error('periods expected');
    expect(previousPeriod(week, today).key).toBe('2026-W47');
    expect(previousPeriod(month, today).key).toBe('2025-12');
  });
});
