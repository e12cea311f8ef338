import fc from 'fast-check';
import { chinaDate } from '../../../../functions/domain/calendar/dates';
import type { ActionFields } from '../../../../functions/domain/cases/action-schemas';
import { planChange } from '../../../../functions/domain/cases/plan-change';
import { snapshotOf } from '../../../../functions/domain/cases/snapshot';
import { newCase, type CaseRecord, type TimelineEvent } from '../../../../functions/domain/complaints/case';
import type { ComplaintInput } from '../../../../functions/domain/complaints/intake-schema';
import { becomesCandidate, disclosureAfter, isDisclosureAction, newCandidacy } from '../../../../functions/domain/disclosure';
import { allowedActions, decide, type ActorRole, type CaseAction, type CaseStep } from '../../../../functions/domain/lifecycle';
import { calendar, categories, issueCodes, refusalReasonCodes } from '../../../../functions/reference';

/**
 * Random case histories for the statistics tests, driven by the real
 * lifecycle table and the real `planChange`: each move is one that the
 * table allows for some role at that moment, with the fields an action
 * body would carry. The same moves are applied in memory (unit tests) or
 * through the store and the action service (integration tests).
 */

/** The random numbers one move is made of; interpreted against the case as it stands. */
export interface MoveSeed {
  pick: number;
  amountFen: number;
  rating: number;
  reason: number;
  step: number;
  region: number;
  injury: boolean;
}

export const moveSeed: fc.Arbitrary<MoveSeed> = fc.record({
  pick: fc.nat(1000),
  amountFen: fc.integer({ min: 0, max: 500_000 }),
  rating: fc.integer({ min: 1, max: 5 }),
  reason: fc.nat(20),
  step: fc.nat(20),
  region: fc.nat(20),
  injury: fc.boolean(),
});

export interface ComplaintSeed {
  category: number;
  issue: number;
  consumerRegion: number;
  merchantRegion: number;
  withMerchantRegion: boolean;
  injury: boolean;
}

export const complaintSeed: fc.Arbitrary<ComplaintSeed> = fc.record({
  category: fc.nat(100),
  issue: fc.nat(100),
  consumerRegion: fc.nat(100),
  merchantRegion: fc.nat(100),
  withMerchantRegion: fc.boolean(),
  injury: fc.boolean(),
});

/** A few prefectures and counties, so region cells hold several cases. */
export const sampleRegions = ['410105', '410102', '410302', '410711', '419001', '410100'] as const;
const steps: readonly CaseStep[] = ['odr', 'mediation', 'advance_payout', 'disclosure'];
const pickOf = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

/** A complaint as intake would have parsed it; categories and issues from a small subset so cells fill up. */
export function complaintFrom(seed: ComplaintSeed, overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  const category = pickOf(categories.slice(0, 6), seed.category).code;
  return {
    consumer: { name: '测试用户', phone: '13800138000', regionCode: pickOf(sampleRegions, seed.consumerRegion) },
    merchant: { name: '某某测试商店', ...(seed.withMerchantRegion ? { regionCode: pickOf(sampleRegions, seed.merchantRegion) } : {}) },
    purchase: { date: '2025-09-01', channel: 'online' },
    category: category as ComplaintInput['category'],
    issue: pickOf(issueCodes.slice(0, 5), seed.issue) as ComplaintInput['issue'],
    description: '产品质量有问题，商家拒绝处理。',
    claim: { type: 'refund', amountFen: 10000 },
    injury: { occurred: seed.injury },
    knownSince: '2025-09-02',
    consent: { publishNarrative: false },
    ...overrides,
  } as ComplaintInput;
}

export function filedCase(caseId: string, complaint: ComplaintInput, receivedAt: Date): { record: CaseRecord; event: TimelineEvent } {
  return newCase(complaint, { caseId, now: receivedAt, accessCode: { algorithm: 'sha256-salted', salt: 'test', hash: 'test' }, calendar });
}

/** What a router does to a received case: accept into a step, or refuse with a triage reason. */
export interface RoutingMove {
  kind: 'route';
  set: Partial<CaseRecord>;
  event: Omit<TimelineEvent, 'seq'>;
}

export interface ActionMove {
  kind: 'action';
  action: CaseAction;
  role: ActorRole;
  fields: ActionFields;
}

const actingRoles: readonly ActorRole[] = ['consumer', 'mediator', 'merchant', 'regulator', 'fund', 'system'];
/** The router's and the closer's own moves are made separately. */
const notPicked = new Set<CaseAction>(['route_accept', 'route_refuse', 'close']);
const chatter = new Set<CaseAction>(['note', 'add_info', 'flag_collective', 'claim', 'follow_up', 'respond', 'mute_sms']);

/** The guarantee fund simulated advance payouts draw on; the integration tests register and fund it. */
export const simulatedFundId = 'stats-test-fund';

const unrecoveredOf = (record: CaseRecord) => (record.payout?.paidFen ?? 0) - (record.payout?.recoveredFromMerchantFen ?? 0);

/** Fund amounts within the limits the fund enforces (SPEC section 9): the claim, what was reserved, what is unrecovered. */
function fieldsFor(action: CaseAction, seed: MoveSeed, record: CaseRecord): ActionFields {
  switch (action) {
    case 'refuse':
      return { reason: pickOf(refusalReasonCodes, seed.reason) };
    case 'propose_offer':
    case 'make_offer':
      return { amountFen: seed.amountFen, terms: '退款' };
    case 'record_agreement':
      return { refundFen: seed.amountFen + 1, terms: '退款' };
    case 'approve_payout':
      return { amountFen: 1 + (seed.amountFen % (record.complaint.claim.amountFen ?? 1)) };
    case 'record_payment':
      return { amountFen: Math.max(1, (record.payout?.approvedFen ?? 1) - (seed.amountFen % 3)), reference: `PAY-${seed.amountFen}` };
    case 'record_recovery':
      return { amountFen: 1 + (seed.amountFen % Math.max(1, unrecoveredOf(record))), reference: `REC-${seed.amountFen}` };
    case 'rate':
      return { rating: seed.rating };
    case 'note':
    case 'add_info':
    case 'follow_up':
    case 'respond':
    case 'object_disclosure':
    case 'reject_payout':
      return { text: '说明' };
    default:
      return {};
  }
}

/** The next move for a case on `today`, or undefined when nobody may do anything now. */
export function nextMove(record: CaseRecord, today: string, seed: MoveSeed): RoutingMove | ActionMove | undefined {
  if (record.status === 'received' && !record.routing && seed.pick % 3 !== 0) {
    const at = '';
    if (seed.pick % 5 === 0) {
      const reason = pickOf(['time_barred', 'duplicate', 'no_respondent'], seed.reason);
      return {
        kind: 'route',
        set: { status: 'not_accepted', routing: { outcome: 'not_accepted', refusalReason: reason, ruleId: reason, ruleSetId: 'default', ruleSetVersion: 1, reason: { 'zh-CN': '', en: '' }, associationId: '410100', routedAt: at } },
        event: { at, actor: 'system', type: 'route_refuse', status: 'not_accepted', step: null, reason: { code: reason } },
      };
    }
    const step = pickOf(steps, seed.step);
    const associationId = pickOf(['410100', '410300', '410700', '419001'], seed.region);
    return {
      kind: 'route',
      set: {
        status: 'accepted',
        step,
        routedStep: step,
        associationId,
        acceptedOn: today,
        ...(seed.injury ? { safetyReport: { prefectureCode: associationId, reportedAt: at } } : {}),
        routing: { outcome: 'accepted', step, ruleId: 'rule', ruleSetId: 'default', ruleSetVersion: 1, reason: { 'zh-CN': '', en: '' }, associationId, routedAt: at },
        ...(step === 'advance_payout' ? { advancePayoutFund: { fundId: simulatedFundId, associationId, merchantLimitFen: 1_000_000 } } : {}),
      },
      event: { at, actor: 'system', type: 'route_accept', status: 'accepted', step },
    };
  }
  const snapshot = snapshotOf(record, today);
  const candidates = actingRoles.flatMap((role) =>
    allowedActions(snapshot, role)
      // A fully recovered payout has nothing left to recover (the fund refuses more).
      .filter((action) => !notPicked.has(action) && !(action === 'record_recovery' && unrecoveredOf(record) <= 0))
      .map((action) => ({ action, role })),
  );
  if (candidates.length === 0) return undefined;
  // Mostly moves that matter to the figures; now and then a note or a follow-up.
  const weighty = candidates.filter(({ action }) => !chatter.has(action));
  const { action, role } = pickOf(seed.pick % 4 !== 0 && weighty.length > 0 ? weighty : candidates, Math.floor(seed.pick / 4));
  return { kind: 'action', action, role, fields: fieldsFor(action, seed, record) };
}

/** A case in memory: its record and timeline. */
export interface SimulatedCase {
  record: CaseRecord;
  timeline: TimelineEvent[];
}

let refCounter = 0;

/** Applies one action as the action service does (lifecycle decision, planned change, disclosure), then closes a finished case. Returns the events written. */
export function applyInMemory(simulated: SimulatedCase, move: RoutingMove | ActionMove, at: Date): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const write = (set: Partial<CaseRecord>, event: Omit<TimelineEvent, 'seq'>) => {
    const version = simulated.record.version + 1;
    simulated.record = { ...simulated.record, ...set, version, updatedAt: event.at } as CaseRecord;
    const written = { ...event, seq: version } as TimelineEvent;
    simulated.timeline.push(written);
    events.push(written);
  };
  if (move.kind === 'route') {
    write(move.set, { ...move.event, at: at.toISOString() });
  } else {
    actInMemory(simulated, move.action, move.role, move.fields, at, write);
  }
  if (['not_accepted', 'resolved', 'unresolved', 'withdrawn'].includes(simulated.record.status)) actInMemory(simulated, 'close', 'system', {}, at, write);
  return events;
}

function actInMemory(
  simulated: SimulatedCase,
  action: CaseAction,
  role: ActorRole,
  fields: ActionFields,
  at: Date,
  write: (set: Partial<CaseRecord>, event: Omit<TimelineEvent, 'seq'>) => void,
): void {
  const { record, timeline } = simulated;
  const today = chinaDate(at);
  const decision = decide(snapshotOf(record, today), action, role);
  if (!decision.ok) return;
  const planned = planChange(record, timeline, action, fields, decision.next, { effectiveOn: today, at: at.toISOString(), actor: { role }, calendar });
  if (becomesCandidate(record, decision.next)) planned.set.disclosure = newCandidacy(`GS-TEST${String(refCounter++).padStart(6, '0')}`, today, calendar);
  else if (isDisclosureAction(action) && record.disclosure) planned.set.disclosure = disclosureAfter(action, record.disclosure, at.toISOString());
  write(planned.set, planned.event);
}
