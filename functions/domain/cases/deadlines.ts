import { addDays } from '../calendar/dates';
import { workingDaysBetween } from '../calendar/working-days';
import { deadlineAfter, type Deadline } from '../complaints/case';
import { ratingWindowDays, type CaseAction, type CasePosition, type CaseStep } from '../lifecycle';
import type { WorkingCalendar } from '../../reference/types';

/**
 * Step deadlines in working days (SPEC section 2; the router starts them
 * with `stepDeadline`). A deadline date is the last day of the period: the
 * merchant may still settle on the 10th working day, so a deadline is *due*
 * (the sweeper acts) from the next calendar day.
 */
/** SPEC section 2: the merchant has 10 working days to settle in ODR. */
export const odrWorkingDays = 10;
/** SPEC section 2: mediation ends at the latest 45 working days after acceptance. */
export const mediationWorkingDays = 45;
/** SPEC section 9: the fund decides an advance payout within 10 working days, else the case goes to mediation. */
export const payoutDecisionWorkingDays = 10;

/** SPEC section 9: the merchant repays the fund within 15 working days of the payment. */
export const merchantRepaymentWorkingDays = 15;

/** The merchant has 10 working days from acceptance to settle directly. */
export function odrDeadline(acceptedOn: string, calendar: WorkingCalendar): Deadline {
  return deadlineAfter('odr', acceptedOn, odrWorkingDays, calendar);
}

/**
 * The working days a case spent in its first step (ODR or advance payout):
 * those after `acceptedOn` and before the day it entered mediation (that
 * day counts for mediation).
 */
export function workingDaysInOdr(acceptedOn: string, enteredMediationOn: string, calendar: WorkingCalendar): number {
  return enteredMediationOn > acceptedOn ? workingDaysBetween(acceptedOn, addDays(enteredMediationOn, -1), calendar) : 0;
}

/** Mediation ends 45 working days after acceptance; time in ODR or advance payout does not count against it. */
export function mediationDeadline(acceptedOn: string, daysInOdr: number, calendar: WorkingCalendar): Deadline {
  return deadlineAfter('mediation', acceptedOn, mediationWorkingDays + daysInOdr, calendar);
}

/**
 * The deadline a step starts with when a case is accepted into it. ODR and
 * mediation have SPEC deadlines the sweeper enforces, and so has the fund's
 * decision on an advance payout (10 working days, then mediation). A
 * disclosure-only case waits for the 5-working-day objection window, which
 * starts when its record becomes a disclosure candidate (issue 4), not here.
 * `daysInOdr`: working days already spent in ODR or advance payout, which
 * mediation adds back.
 */
export function stepDeadline(step: CaseStep, acceptedOn: string, calendar: WorkingCalendar, daysInOdr = 0): Deadline | null {
  switch (step) {
    case 'odr':
      return odrDeadline(acceptedOn, calendar);
    case 'mediation':
      return mediationDeadline(acceptedOn, daysInOdr, calendar);
    case 'advance_payout':
      return deadlineAfter('payout', acceptedOn, payoutDecisionWorkingDays, calendar);
    case 'disclosure':
      return null;
  }
}

/** Until when a closed case may be rated: the 30th calendar day after closing (`canRate`). */
export function ratingDeadline(closedOn: string): Deadline {
  return { kind: 'rating', date: addDays(closedOn, ratingWindowDays) };
}

/** The first day the sweeper treats a deadline as passed. */
export function dueFrom(deadline: Deadline): string {
  return addDays(deadline.date, 1);
}

export function isDue(deadline: Deadline | null | undefined, today: string): deadline is Deadline {
  return deadline != null && deadline.date < today;
}

/**
 * What the sweeper does when a deadline has passed. Kinds without an entry
 * are acted on elsewhere (`objection`: the aggregation job publishes due
 * disclosure candidates, `services/disclosure/candidates.ts`) or are shown
 * only (`rating`), and are kept out of the deadline index.
 */
const timeoutActions: Partial<Record<Deadline['kind'], CaseAction>> = {
  acceptance: 'acceptance_timeout',
  odr: 'odr_timeout',
  mediation: 'mediation_timeout',
  payout: 'payout_timeout',
};

export function timeoutActionFor(deadline: Deadline): CaseAction | undefined {
  return timeoutActions[deadline.kind];
}

/** Only deadlines the sweeper acts on go into the `byDeadline` index. */
export function isSwept(deadline: Deadline | null | undefined): deadline is Deadline {
  return deadline != null && timeoutActions[deadline.kind] !== undefined;
}

/**
 * The deadline after a move from `from` to `to` on `today`. Staying in the
 * same place keeps the running deadline; `undefined` means "unchanged".
 */
export function deadlineAfterMove(
  from: CasePosition,
  to: CasePosition,
  dates: { today: string; acceptedOn: string | undefined },
  calendar: WorkingCalendar,
): Deadline | null | undefined {
  if (from.status === to.status && (from.step ?? null) === (to.step ?? null)) return undefined;
  if (to.status === 'accepted') {
    const acceptedOn = from.status === 'received' ? dates.today : (dates.acceptedOn ?? dates.today);
    // Time in ODR or advance payout is added back (SPEC sections 2 and 9): mediation still gets its 45 working days.
    const leftFirstStep = to.step === 'mediation' && from.status === 'accepted' && (from.step === 'odr' || from.step === 'advance_payout');
    return stepDeadline(to.step, acceptedOn, calendar, leftFirstStep ? workingDaysInOdr(acceptedOn, dates.today, calendar) : 0);
  }
  if (to.status === 'closed') return ratingDeadline(dates.today);
  return null;
}
