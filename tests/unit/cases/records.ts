import { hashAccessCode } from '../../../functions/domain/complaints/access-code';
import { newCase, type CaseRecord, type TimelineEvent } from '../../../functions/domain/complaints/case';
import { parseComplaint } from '../../../functions/domain/complaints/intake-schema';
import { calendar } from '../../../functions/reference';
import { validComplaint } from '../../fixtures/complaints';

/** A case as intake stores it (filed 2026-10-10 10:00 China time), changed by `overrides`; for pure tests. */
export function caseRecord(overrides: Partial<CaseRecord> = {}, complaint: Record<string, unknown> = {}): CaseRecord {
  const input = parseComplaint(validComplaint(complaint), '2026-10-10', 'en');
  const { record } = newCase(input, { caseId: 'HN2610-7K3M-9QXA', now: new Date('2026-10-10T10:00:00+08:00'), accessCode: hashAccessCode('7K3M-9QXA-H2PD'), calendar });
  return { ...record, ...overrides };
}

/** A case accepted into `step` on `acceptedOn` (the router's fields included). */
export function acceptedCase(step: CaseRecord['step'], acceptedOn = '2026-10-12', overrides: Partial<CaseRecord> = {}): CaseRecord {
  return caseRecord({ status: 'accepted', step, acceptedOn, routedStep: step ?? undefined, associationId: '410100', version: 2, ...overrides });
}

export const filedEvent = (record: CaseRecord): TimelineEvent => ({ seq: 1, at: record.receivedAt, actor: 'consumer', type: 'filed', status: 'received', step: null });
