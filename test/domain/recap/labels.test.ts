import { describe, expect, it } from 'vitest';
import { isQuiet, weekSpan } from '../../../src/domain/recap/recap.ts';
import { catalogues } from '../../../src/app/messages/catalogues.ts';

describe('recap labels shared by every form and language', () => {
  it('an OPD is quiet only when it had working days, was not on leave, and posted nothing', () => {
    expect(isQuiet({ posts: 0, status: 'missed' })).toBe(true);
    expect(isQuiet({ posts: 0, status: 'onLeave' })).toBe(false);
    expect(isQuiet({ posts: 0, status: 'notDue' })).toBe(false);
    expect(isQuiet({ posts: 2, status: 'partial' })).toBe(false);
  });

  it('a week spells its first day only as far as the last one does not already say it', () => {
    const shortDay = (day: string) => `${Number(day.slice(8, 10))} ${day.slice(5, 7) === '11' ? 'November' : 'Desember'} ${day.slice(0, 4)}`;
    expect(weekSpan({ from: '2026-11-16', until: '2026-11-22' }, shortDay)).toBe('16–22 November 2026');
    expect(weekSpan({ from: '2026-11-30', until: '2026-12-06' }, shortDay)).toBe('30 November–6 Desember 2026');
  });

  it('both catalogues label a week and a month the same way as before', () => {
    const week = { kind: 'week' as const, key: '2026-W49', from: '2026-11-30', until: '2026-12-06', countedUntil: '2026-12-06' };
    const month = { kind: 'month' as const, key: '2026-11', from: '2026-11-01', until: '2026-11-30', countedUntil: '2026-11-30' };
    expect(catalogues.id.recap.periodLabel(week)).toBe('Minggu 30 November–6 Desember 2026');
    expect(catalogues.en.recap.periodLabel(week)).toBe('Week of 30 November–6 December 2026');
    expect(catalogues.id.recap.periodLabel(month)).toBe('November 2026');
  });
});
