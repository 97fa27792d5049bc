import { describe, expect, it } from 'vitest';
import { checkLeaveEnd, isPersonOnLeave, isWithin, mergeSpans, oneYearAfter, opdLeaveSpans, type LeaveLike } from '../../src/domain/calendar/leave.ts';
import { compactWeekdays, weekdayRuns } from '../../src/domain/calendar/weekdays.ts';

const opdLeave = (opdId: number, fromDate: string, untilDate: string): LeaveLike => ({ opdId, userId: null, fromDate, untilDate });
const adminLeave = (userId: number, fromDate: string, untilDate: string): LeaveLike => ({ opdId: null, userId, fromDate, untilDate });

describe('leave end date', () => {
  it('is today at the earliest and one year ahead at the latest', () => {
    expect(checkLeaveEnd('2026-11-23', '2026-11-23')).toBeNull();
    expect(checkLeaveEnd('2026-11-23', '2026-11-22')).toBe('in_the_past');
    expect(checkLeaveEnd('2026-11-23', '2027-11-23')).toBeNull();
    expect(checkLeaveEnd('2026-11-23', '2027-11-24')).toBe('too_far');
    expect(checkLeaveEnd('2026-11-23', '2026-02-30')).toBe('not_a_date');
    expect(checkLeaveEnd('2026-11-23', '30-11-2026')).toBe('not_a_date');
  });

  it('one year after 29 February is 28 February', () => {
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-28');
    expect(oneYearAfter('2026-12-31')).toBe('2027-12-31');
  });
});

describe('who is on leave', () => {
  it('merges overlapping and adjacent spans', () => {
    expect(
      mergeSpans([
        { from: '2026-11-10', until: '2026-11-12' },
        { from: '2026-11-01', until: '2026-11-05' },
        { from: '2026-11-06', until: '2026-11-07' },
        { from: '2026-11-11', until: '2026-11-20' },
      ]),
    ).toEqual([
      { from: '2026-11-01', until: '2026-11-07' },
      { from: '2026-11-10', until: '2026-11-20' },
    ]);
  });

  it("an OPD's own leave covers the OPD; another OPD's does not", () => {
    const leaves = [opdLeave(1, '2026-11-23', '2026-11-27'), opdLeave(2, '2026-12-01', '2026-12-02')];
    expect(opdLeaveSpans(1, [10, 11], leaves)).toEqual([{ from: '2026-11-23', until: '2026-11-27' }]);
  });

  it("an admin's leave covers the OPD only on the days all its admins are away", () => {
    const leaves = [adminLeave(10, '2026-11-23', '2026-11-30'), adminLeave(11, '2026-11-26', '2026-12-04'), adminLeave(11, '2026-11-20', '2026-11-23')];
    expect(opdLeaveSpans(1, [10], leaves)).toEqual([{ from: '2026-11-23', until: '2026-11-30' }]);
    expect(opdLeaveSpans(1, [10, 11], leaves)).toEqual([
      { from: '2026-11-23', until: '2026-11-23' },
      { from: '2026-11-26', until: '2026-11-30' },
    ]);
    expect(opdLeaveSpans(1, [10, 11, 12], leaves)).toEqual([]);
    // An OPD without admins gets no leave from its (absent) admins.
    expect(opdLeaveSpans(1, [], leaves)).toEqual([]);
    expect(isWithin(opdLeaveSpans(1, [10, 11], leaves), '2026-11-24')).toBe(false);
    expect(isPersonOnLeave(10, leaves, '2026-11-24')).toBe(true);
    expect(isPersonOnLeave(11, leaves, '2026-11-24')).toBe(false);
  });

  it("combines the OPD's own leave with its admins' common leave", () => {
    const leaves = [opdLeave(1, '2026-11-23', '2026-11-24'), adminLeave(10, '2026-11-25', '2026-11-26')];
    expect(opdLeaveSpans(1, [10], leaves)).toEqual([{ from: '2026-11-23', until: '2026-11-26' }]);
  });
});

describe('weekday runs', () => {
  it('groups consecutive days and writes the form the parser reads', () => {
    expect(weekdayRuns([5, 1, 2, 3, 4, 7])).toEqual([
      [1, 5],
      [7, 7],
    ]);
    expect(compactWeekdays([1, 2, 3, 4, 5])).toBe('1-5');
    expect(compactWeekdays([1, 2, 4, 6, 7])).toBe('1,2,4,6,7');
  });
});
