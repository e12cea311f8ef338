import { hashAccessCode, newAccessCode } from '../../../functions/domain/complaints/access-code';
import { newCase, type Deadline } from '../../../functions/domain/complaints/case';
import { newCaseId } from '../../../functions/domain/complaints/case-id';
import { parseComplaint } from '../../../functions/domain/complaints/intake-schema';
import { chinaDate } from '../../../functions/domain/calendar/dates';
import type { CaseStep } from '../../../functions/domain/lifecycle';
import { calendar } from '../../../functions/reference';
import { applyCaseChange } from '../../../functions/store/case-changes';
import { createCase } from '../../../functions/store/cases-store';
import { indexKeys } from '../../../functions/store/keys';
import { complaint } from './support';

/**
 * Cases filed in the past, for tests that need a calendar the present
 * cannot give (the 2026 National Day week, its adjusted working days). Run
 * on a stack without the router: these stand in for what it would have
 * written, each with a hand-counted deadline, so the sweeper is tested
 * against dates worked out independently of the code under test.
 */
export interface SeededCase {
  caseId: string;
  accessCode: string;
}

/** A case filed at `filedAt` and left `received` for a mediator, the routing rules pointing at `routedStep`. */
export async function seedReceivedCase(filedAt: Date, routedStep: CaseStep): Promise<SeededCase> {
  const input = parseComplaint(complaint({ purchase: { date: '2026-09-01' }, knownSince: '2026-09-05' }), chinaDate(filedAt), 'en');
  const accessCode = newAccessCode();
  const { record } = newCase(input, { caseId: newCaseId(chinaDate(filedAt)), now: filedAt, accessCode: hashAccessCode(accessCode), calendar });
  const outcome = await createCase(record);
  if (outcome.kind !== 'created') throw new Error('case id taken');
  await applyCaseChange({
    caseId: record.caseId,
    expectedVersion: 1,
    set: { routedStep, associationId: '410100', ...indexKeys.byAssociation('410100', record.receivedAt, record.caseId) },
    event: { at: record.receivedAt, actor: 'system', type: 'route_review', status: 'received', step: null },
  });
  return { caseId: record.caseId, accessCode };
}

/** A case filed and accepted into `step` at `acceptedAt`, with the deadline the router would have set. */
export async function seedAcceptedCase(acceptedAt: Date, step: CaseStep, deadline: Deadline): Promise<SeededCase> {
  const seeded = await seedReceivedCase(acceptedAt, step);
  await applyCaseChange({
    caseId: seeded.caseId,
    expectedVersion: 2,
    set: { status: 'accepted', step, acceptedOn: chinaDate(acceptedAt), deadline, ...indexKeys.byDeadline(deadline.date, seeded.caseId) },
    event: { at: acceptedAt.toISOString(), actor: 'system', type: 'route_accept', status: 'accepted', step },
  });
  return seeded;
}
