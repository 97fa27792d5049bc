import { describe, expect, it } from 'vitest';
import { WorkingDayIndex, type WorkCalendar } from '../../src/domain/calendar/working-days.ts';
import { assessOpd, defaultNudgePolicy, type NudgePolicy } from '../../src/domain/nudges/ladder.ts';

const weekdays: WorkCalendar = { workingWeekdays: new Set([1, 2, 3, 4, 5]), holidays: new Set() };
// Monday 23 November 2026.
const today = '2026-11-23';
const index = (calendar: WorkCalendar = weekdays) => new WorkingDayIndex(calendar, today);
const assess = (lastReportDay: string | null, options: { calendar?: WorkCalendar; policy?: NudgePolicy; leaves?: { from: string; until: string }[]; addedDay?: string } = {}) =>
  assessOpd({ lastReportDay, addedDay: options.addedDay ?? '2026-01-01', leaves: options.leaves ?? [] }, index(options.calendar), options.policy ?? defaultNudgePolicy);

describe('silence and the escalation ladder', () => {
  it('a report on the last working day (Friday) means no silence on Monday; weekends do not count', () => {
    expect(assess('2026-11-20')).toMatchObject({ silence: 0, level: null });
    expect(assess('2026-11-22')).toMatchObject({ silence: 0, level: null });
  });

  it.each([
    ['2026-11-19', 1, 'friendly'], // Thursday: Friday missed
    ['2026-11-18', 2, 'friendly'],
    ['2026-11-17', 3, 'firm'],
    ['2026-11-11', 7, 'escalation'], // Wednesday a week and a half ago
    ['2026-11-12', 6, 'firm'],
  ])('last report %s ⇒ %i working days of silence ⇒ %s', (last, silence, level) => {
    expect(assess(last)).toMatchObject({ silence, level });
  });

  it('public holidays do not count as silence', () => {
    const withHoliday: WorkCalendar = { workingWeekdays: weekdays.workingWeekdays, holidays: new Set(['2026-11-20', '2026-11-19']) };
    expect(assess('2026-11-18', { calendar: withHoliday })).toMatchObject({ silence: 0, level: null });
  });

  it('an OPD that never reported counts from the day it was added', () => {
    expect(assess(null, { addedDay: '2026-11-20' })).toMatchObject({ silence: 0 });
    expect(assess(null, { addedDay: '2026-11-16' })).toMatchObject({ silence: 4, level: 'firm' });
  });

  it('leave days do not count against the OPD, and an OPD on leave today is not reminded', () => {
    expect(assess('2026-11-11', { leaves: [{ from: '2026-11-16', until: '2026-11-20' }] })).toMatchObject({ silence: 2, level: 'friendly' });
    expect(assess('2026-11-11', { leaves: [{ from: '2026-11-16', until: '2026-11-25' }] })).toMatchObject({ onLeave: true, level: null });
  });

  it('a weekly target allows a gap: two posts per week ⇒ behind after three quiet working days', () => {
    const policy: NudgePolicy = { ...defaultNudgePolicy, target: { posts: 2, period: 'week' } };
    expect(assess('2026-11-18', { policy })).toMatchObject({ silence: 2, overdue: 0, level: null });
    expect(assess('2026-11-17', { policy })).toMatchObject({ silence: 3, overdue: 1, level: 'friendly' });
  });

  it('thresholds are configurable', () => {
    const policy: NudgePolicy = { ...defaultNudgePolicy, friendlyFrom: 2, firmFrom: 4, escalateFrom: 5 };
    expect(assess('2026-11-19', { policy }).level).toBeNull();
    expect(assess('2026-11-16', { policy }).level).toBe('firm');
    expect(assess('2026-11-13', { policy }).level).toBe('escalation');
  });

  it('a six-day working week counts Saturdays', () => {
    const sixDays: WorkCalendar = { workingWeekdays: new Set([1, 2, 3, 4, 5, 6]), holidays: new Set() };
    expect(assess('2026-11-20', { calendar: sixDays })).toMatchObject({ silence: 1, level: 'friendly' });
  });
});
