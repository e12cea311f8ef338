import * as z from 'zod';
import { addDays, isCalendarDate } from '../calendar/dates';
import { addMonths, monthsBetween } from '../calendar/months';
import { ValidationError } from '../errors';
import type { Language } from '../i18n';
import { caseStatuses, caseSteps, type CaseStatus, type CaseStep, type DisclosureState } from '../lifecycle';
import { decodeCursor as decodeCursorOf, encodeCursor as encodeCursorOf, InvalidCursorError } from '../validation/cursor';
import { toFieldIssues } from '../validation/issues';
import { regulatorReach, type StaffIdentity } from './rights';

/**
 * `GET /v1/cases`: which index serves the caller, which partitions of it,
 * the received-date range and the filters. Dates are China dates; the index
 * sort keys start with the UTC instant of receipt, so a day range becomes
 * an instant range.
 */
export const defaultPageSize = 20;
export const maxPageSize = 100;
/** Admins and the provincial regulator list by month of receipt; without `from` the last 12 months. */
export const defaultMonths = 12;

const date = z.string().refine(isCalendarDate, { error: 'date' });

const listQuerySchema = z.strictObject({
  status: z.enum(caseStatuses).optional(),
  step: z.enum(caseSteps).optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, { error: 'notInteger' })
    .transform(Number)
    .pipe(z.number().int().min(1).max(maxPageSize))
    .optional(),
  cursor: z.string().max(4096).optional(),
  /** `true`: only cases whose staff deadline (acceptance, ODR, mediation) lies before today. */
  overdue: z.literal('true').optional(),
  /** `me`: only cases the caller claimed (the token's subject). */
  claimed: z.literal('me').optional(),
  /** A disclosure state (SPEC section 6): `candidate` is the regulator's list to withhold or publish. */
  disclosure: z.enum(['candidate', 'objected', 'published', 'withheld']).optional(),
});

/** Deadlines staff must meet; the objection and rating windows are the merchant's and the consumer's. */
export const staffDeadlineKinds = ['acceptance', 'odr', 'mediation'] as const;

export interface CaseListRequest {
  status?: CaseStatus;
  step?: CaseStep;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
  overdue?: true;
  claimedByMe?: true;
  disclosure?: DisclosureState;
}

export function parseCaseListQuery(query: Record<string, string>, lang: Language): CaseListRequest {
  const parsed = listQuerySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, query, lang));
  const { from, to, limit, overdue, claimed, ...rest } = parsed.data;
  if (from && to && from > to) {
    throw new ValidationError(toFieldIssues([{ code: 'custom', path: ['to'], message: 'invalid', input: to }], query, lang), '`to` is before `from`.');
  }
  return {
    ...rest,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(overdue ? { overdue: true as const } : {}),
    ...(claimed ? { claimedByMe: true as const } : {}),
    limit: limit ?? defaultPageSize,
  };
}

/** Which index and partitions answer a caller, and what the index alone cannot tell (filters). */
export type CaseListIndex = 'byAssociation' | 'byMerchant' | 'byRegion' | 'byMonth';

export interface CaseListPlan {
  index: CaseListIndex;
  /** Partition ids in the order they are read: an association, a credit code, a prefecture, or months `YYYY-MM` newest first. */
  partitions: string[];
  /** UTC instants: received at or after `from`, before `toExclusive`. */
  received: { from?: string; toExclusive?: string };
  status?: CaseStatus;
  step?: CaseStep;
  /** Merchants see only cases that were accepted (they are told of a case then). */
  acceptedOnly: boolean;
  /** A county-level regulator reads its prefecture's partition, filtered to its county. */
  county?: string;
  /** Only cases with a staff deadline dated before this China date (today: overdue). */
  deadlineBefore?: string;
  /** Only cases claimed by this token subject; a caller without one gets none. */
  claimedBy?: string;
  disclosure?: DisclosureState;
}

/** The UTC instant a China date begins (UTC+8, no daylight saving). */
export function chinaDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

/** Months `YYYY-MM` from `to`'s back to `from`'s, newest first: the order a list reads its partitions. */
export function monthsNewestFirst(from: string, to: string): string[] {
  return monthsBetween(from, to).reverse();
}

export function caseListPlan(identity: StaffIdentity, request: CaseListRequest, today: string, subject?: string): CaseListPlan {
  const received = {
    ...(request.from ? { from: chinaDayStart(request.from) } : {}),
    ...(request.to ? { toExclusive: chinaDayStart(addDays(request.to, 1)) } : {}),
  };
  const common = {
    received,
    ...(request.status ? { status: request.status } : {}),
    ...(request.step ? { step: request.step } : {}),
    ...(request.overdue ? { deadlineBefore: today } : {}),
    // An empty subject matches no case: "claimed by me" without a known "me" is an empty list, never everyone's.
    ...(request.claimedByMe ? { claimedBy: subject ?? '' } : {}),
    ...(request.disclosure ? { disclosure: request.disclosure } : {}),
    acceptedOnly: false,
  };
  const byMonth = (): CaseListPlan => {
    const to = request.to ?? today;
    return { ...common, index: 'byMonth', partitions: monthsNewestFirst(request.from ?? `${addMonths(to, -(defaultMonths - 1))}-01`, to) };
  };
  switch (identity.role) {
    case 'admin':
      return byMonth();
    case 'mediator':
      return { ...common, index: 'byAssociation', partitions: [identity.org] };
    case 'merchant':
      return { ...common, index: 'byMerchant', partitions: [identity.merchant], acceptedOnly: true };
    case 'regulator': {
      const reach = regulatorReach(identity.region);
      if (reach.kind === 'province') return byMonth();
      if (reach.kind === 'prefecture') return { ...common, index: 'byRegion', partitions: [reach.prefecture] };
      if (reach.kind === 'county') return { ...common, index: 'byRegion', partitions: [reach.prefecture], county: reach.county };
      return { ...common, index: 'byRegion', partitions: [] };
    }
  }
}

/**
 * The cursor is opaque to clients: base64url of `{p, k}`, the partition to
 * read next and the index position to start after (DynamoDB's
 * LastEvaluatedKey). Anything that does not decode to that shape, or names
 * a partition this caller's listing does not read, is a 400.
 */
export interface CaseListCursor {
  partition: string;
  position?: Record<string, string>;
}

const cursorSchema = z.strictObject({ p: z.string().min(1).max(100), k: z.record(z.string().max(200), z.string().max(300)).optional() });

export function encodeCursor(cursor: CaseListCursor): string {
  return encodeCursorOf({ p: cursor.partition, ...(cursor.position ? { k: cursor.position } : {}) });
}

export function decodeCursor(raw: string, plan: CaseListPlan): CaseListCursor {
  const { p, k } = decodeCursorOf(raw, cursorSchema);
  if (!plan.partitions.includes(p)) throw new InvalidCursorError();
  return { partition: p, ...(k ? { position: k } : {}) };
}
