import { deadlineAfterMove, dueFrom, isDue, isSwept, mediationDeadline, odrDeadline, ratingDeadline, timeoutActionFor, workingDaysInOdr } from '../../../functions/domain/cases/deadlines';
import { calendar } from '../../../functions/reference';

/** Dates counted by hand on the 2026 calendar: 25-27 Sep and 1-7 Oct off, Sun 20 Sep and Sat 10 Oct worked. */
describe('step deadlines', () => {
  it('gives ODR 10 working days, across the National Day week and its adjusted Saturday', () => {
    // 28, 29, 30 Sep; 8, 9, Sat 10, 12, 13, 14, 15 Oct.
    expect(odrDeadline('2026-09-24', calendar)).toEqual({ kind: 'odr', date: '2026-10-15' });
  });

  it('counts the working days spent in ODR up to the day before the case entered mediation', () => {
    expect(workingDaysInOdr('2026-09-24', '2026-10-16', calendar)).toBe(10);
    expect(workingDaysInOdr('2026-09-24', '2026-09-24', calendar)).toBe(0);
    // Declined on 29 September: only the 28th was spent in ODR.
    expect(workingDaysInOdr('2026-09-24', '2026-09-29', calendar)).toBe(1);
  });

  it('ends mediation 45 working days after acceptance, plus the days in ODR', () => {
    expect(mediationDeadline('2026-09-24', 0, calendar)).toEqual({ kind: 'mediation', date: '2026-12-03' });
    expect(mediationDeadline('2026-09-24', 10, calendar)).toEqual({ kind: 'mediation', date: '2026-12-17' });
  });

  it('marks a deadline beyond the shipped calendar as provisional', () => {
    expect(mediationDeadline('2026-12-01', 0, calendar)).toMatchObject({ kind: 'mediation', provisional: true });
  });

  it('opens the rating window for 30 calendar days after closing', () => {
    expect(ratingDeadline('2026-10-31')).toEqual({ kind: 'rating', date: '2026-11-30' });
  });
});

describe('when a deadline is due', () => {
  const odr = { kind: 'odr' as const, date: '2026-10-15' };

  it('is due from the day after its date, never on it', () => {
    expect(isDue(odr, '2026-10-15')).toBe(false);
    expect(isDue(odr, '2026-10-16')).toBe(true);
    expect(dueFrom(odr)).toBe('2026-10-16');
    expect(isDue(null, '2030-01-01')).toBe(false);
  });

  it('names the timeout the sweeper takes, and only swept kinds go into the index', () => {
    expect(timeoutActionFor({ kind: 'acceptance', date: '2026-10-01' })).toBe('acceptance_timeout');
    expect(timeoutActionFor(odr)).toBe('odr_timeout');
    expect(timeoutActionFor({ kind: 'mediation', date: '2026-10-01' })).toBe('mediation_timeout');
    expect(timeoutActionFor({ kind: 'rating', date: '2026-10-01' })).toBeUndefined();
    expect(isSwept(odr)).toBe(true);
    expect(isSwept({ kind: 'rating', date: '2026-10-01' })).toBe(false);
    expect(isSwept(null)).toBe(false);
  });
});

describe('the deadline after a move', () => {
  const dates = { today: '2026-10-16', acceptedOn: '2026-09-24' };

  it('keeps the running deadline when the case stays where it is', () => {
    expect(deadlineAfterMove({ status: 'accepted', step: 'odr' }, { status: 'accepted', step: 'odr' }, dates, calendar)).toBeUndefined();
    expect(deadlineAfterMove({ status: 'received' }, { status: 'received' }, dates, calendar)).toBeUndefined();
  });

  it('starts the step deadline from today when the case is accepted', () => {
    expect(deadlineAfterMove({ status: 'received' }, { status: 'accepted', step: 'odr' }, { today: '2026-09-24', acceptedOn: undefined }, calendar)).toEqual({ kind: 'odr', date: '2026-10-15' });
    // SPEC section 9: the fund decides within 10 working days.
    expect(deadlineAfterMove({ status: 'received' }, { status: 'accepted', step: 'advance_payout' }, dates, calendar)).toEqual({ kind: 'payout', date: '2026-10-30' });
  });

  it('adds the time of a first step (ODR or advance payout) back when it gives way to mediation', () => {
    expect(deadlineAfterMove({ status: 'accepted', step: 'odr' }, { status: 'accepted', step: 'mediation' }, dates, calendar)).toEqual({ kind: 'mediation', date: '2026-12-17' });
    // SPEC section 9: time in advance_payout does not count against mediation's 45 days either.
    expect(deadlineAfterMove({ status: 'accepted', step: 'advance_payout' }, { status: 'accepted', step: 'mediation' }, dates, calendar)).toEqual({ kind: 'mediation', date: '2026-12-17' });
    expect(deadlineAfterMove({ status: 'received' }, { status: 'accepted', step: 'mediation' }, dates, calendar)).toEqual({ kind: 'mediation', date: '2026-12-18' });
  });

  it('drops the deadline when the case ends, and shows the rating window once it is closed', () => {
    expect(deadlineAfterMove({ status: 'accepted', step: 'mediation' }, { status: 'unresolved', step: 'mediation' }, dates, calendar)).toBeNull();
    expect(deadlineAfterMove({ status: 'unresolved', step: 'mediation' }, { status: 'closed', step: 'mediation' }, dates, calendar)).toEqual({ kind: 'rating', date: '2026-11-15' });
  });
});
