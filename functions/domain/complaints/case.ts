import { addWorkingDays, chinaDate, isCovered } from '../calendar/working-days';
import type { Label } from '../i18n';
import type { ActorRole, CaseStatus, CaseStep } from '../lifecycle';
import type { WorkingCalendar } from '../../reference/types';
import type { AccessCodeHash } from './access-code';
import type { ComplaintInput } from './intake-schema';

/** SPEC section 2: acceptance is decided within 7 working days of receipt. */
export const acceptanceWorkingDays = 7;

export type { ActorRole };

export interface Deadline {
  kind: 'acceptance' | 'odr' | 'mediation' | 'objection' | 'rating';
  date: string;
  /** The date lies past the shipped holiday calendar: counted on weekdays only. */
  provisional?: boolean;
}

export interface TimelineEvent {
  /** Equals the case version this event produced: one event per change. */
  seq: number;
  at: string;
  /** A role, never a person: public and consumer views show no staff identity. */
  actor: ActorRole;
  type: string;
  status: CaseStatus;
  step: CaseStep | null;
  reason?: { code?: string; text?: Label };
  text?: string;
}

export interface CaseRecord {
  caseId: string;
  version: number;
  status: CaseStatus;
  /** Set once routed; kept after the case leaves `accepted` (statistics by step). */
  step: CaseStep | null;
  /** ISO 8601 UTC instant of filing. */
  receivedAt: string;
  /** The China-time date of filing: what working days count from. */
  receivedOn: string;
  deadline: Deadline | null;
  complaint: ComplaintInput;
  accessCode: AccessCodeHash;
  updatedAt: string;
}

export function deadlineAfter(kind: Deadline['kind'], from: string, workingDays: number, calendar: WorkingCalendar): Deadline {
  const date = addWorkingDays(from, workingDays, calendar);
  return isCovered(date, calendar) ? { kind, date } : { kind, date, provisional: true };
}

export function newCase(input: ComplaintInput, options: { caseId: string; now: Date; accessCode: AccessCodeHash; calendar: WorkingCalendar }): {
  record: CaseRecord;
  event: TimelineEvent;
} {
  const receivedAt = options.now.toISOString();
  const receivedOn = chinaDate(options.now);
  const record: CaseRecord = {
    caseId: options.caseId,
    version: 1,
    status: 'received',
    step: null,
    receivedAt,
    receivedOn,
    deadline: deadlineAfter('acceptance', receivedOn, acceptanceWorkingDays, options.calendar),
    complaint: input,
    accessCode: options.accessCode,
    updatedAt: receivedAt,
  };
  const event: TimelineEvent = { seq: 1, at: receivedAt, actor: 'consumer', type: 'filed', status: 'received', step: null };
  return { record, event };
}

/** What the consumer sees with their access code: their case, without staff identities or the code hash. */
export function consumerView(record: CaseRecord, timeline: readonly TimelineEvent[]) {
  const { complaint } = record;
  return {
    caseId: record.caseId,
    version: record.version,
    status: record.status,
    step: record.step,
    receivedAt: record.receivedAt,
    deadline: record.deadline,
    category: complaint.category,
    issue: complaint.issue,
    merchant: { name: complaint.merchant.name },
    claim: complaint.claim,
    routing: null as null | { ruleId: string; reason: Label },
    timeline: [...timeline].sort((a, b) => a.seq - b.seq),
    offers: [] as unknown[],
  };
}

export type ConsumerCaseView = ReturnType<typeof consumerView>;
