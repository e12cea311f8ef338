import { actorRoles, allowedActions, caseActions, caseSteps, decide, type ActorRole, type CaseAction, type CaseSnapshot, type CaseStatus, type CaseStep } from '../../../functions/domain/lifecycle';

/**
 * The expected lifecycle, written out independently of the module's table:
 * every allowed (position, action, role), where it leads, and in which case
 * situations (`onlyIn`) a guard lets it through. Everything not listed must
 * be refused with exactly the actions listed here for that situation.
 */
type Position = Exclude<CaseStatus, 'accepted'> | `accepted:${CaseStep}`;
type Leads = 'same' | 'routed' | Position;

const situations = {
  plain: {},
  openOffer: { hasOpenOffer: true },
  ratingOpen: { ratingOpen: true },
  payoutApproved: { payout: 'approved' },
  payoutPaid: { payout: 'paid' },
  payoutRejected: { payout: 'rejected' },
  candidateInWindow: { disclosure: 'candidate', objectionWindowOpen: true },
  candidateDue: { disclosure: 'candidate', objectionWindowOpen: false },
  objectedInWindow: { disclosure: 'objected', objectionWindowOpen: true },
  objectedDue: { disclosure: 'objected', objectionWindowOpen: false },
  withheld: { disclosure: 'withheld' },
  published: { disclosure: 'published' },
  routedToOdr: { routedStep: 'odr' },
  smsMuted: { smsMuted: true },
} satisfies Record<string, Partial<CaseSnapshot>>;
type Situation = keyof typeof situations;

interface Expected {
  role: ActorRole;
  action: CaseAction;
  from: Position[];
  leads: Leads;
  onlyIn?: Situation[];
}

const anyStep: Position[] = ['accepted:odr', 'accepted:mediation', 'accepted:advance_payout', 'accepted:disclosure'];
const open: Position[] = ['received', ...anyStep];
const talks: Position[] = ['accepted:odr', 'accepted:mediation'];
const all: Position[] = [...open, 'not_accepted', 'resolved', 'unresolved', 'withdrawn', 'closed'];
const notWithheld: Situation[] = ['candidateInWindow', 'candidateDue', 'objectedInWindow', 'objectedDue', 'published'];
const contested: Situation[] = ['objectedInWindow', 'objectedDue', 'withheld'];
const due: Situation[] = ['candidateDue', 'objectedDue'];
const unpaid: Situation[] = ['plain', 'openOffer', 'ratingOpen', 'payoutApproved', ...notWithheld, 'withheld', 'routedToOdr', 'smsMuted'];
const undecided = unpaid.filter((s) => s !== 'payoutApproved');
const smsOn: Situation[] = (Object.keys(situations) as Situation[]).filter((s) => s !== 'smsMuted');

const expected: Expected[] = [
  { role: 'consumer', action: 'accept_offer', from: talks, leads: 'resolved', onlyIn: ['openOffer'] },
  { role: 'consumer', action: 'reject_offer', from: talks, leads: 'same', onlyIn: ['openOffer'] },
  { role: 'consumer', action: 'withdraw', from: open, leads: 'withdrawn' },
  { role: 'consumer', action: 'add_info', from: open, leads: 'same' },
  { role: 'consumer', action: 'rate', from: ['closed'], leads: 'same', onlyIn: ['ratingOpen'] },
  // SPEC section 10: in every status, changing none; once only.
  { role: 'consumer', action: 'mute_sms', from: all, leads: 'same', onlyIn: smsOn },
  { role: 'mediator', action: 'accept', from: ['received'], leads: 'routed' },
  { role: 'mediator', action: 'refuse', from: ['received'], leads: 'not_accepted' },
  { role: 'mediator', action: 'claim', from: ['received', 'accepted:mediation'], leads: 'same' },
  { role: 'mediator', action: 'note', from: all, leads: 'same' },
  { role: 'mediator', action: 'propose_offer', from: ['accepted:mediation'], leads: 'same' },
  { role: 'mediator', action: 'record_agreement', from: ['accepted:mediation'], leads: 'resolved' },
  { role: 'mediator', action: 'end_unresolved', from: ['accepted:mediation'], leads: 'unresolved' },
  { role: 'mediator', action: 'flag_collective', from: [...open, 'resolved', 'unresolved', 'closed'], leads: 'same' },
  { role: 'mediator', action: 'follow_up', from: ['resolved', 'unresolved', 'closed'], leads: 'same' },
  { role: 'merchant', action: 'respond', from: anyStep, leads: 'same' },
  { role: 'merchant', action: 'make_offer', from: talks, leads: 'same' },
  { role: 'merchant', action: 'decline', from: ['accepted:odr'], leads: 'accepted:mediation' },
  { role: 'merchant', action: 'decline', from: ['accepted:mediation'], leads: 'same' },
  { role: 'merchant', action: 'object_disclosure', from: ['accepted:disclosure', 'closed'], leads: 'same', onlyIn: ['candidateInWindow'] },
  { role: 'regulator', action: 'withhold_disclosure', from: ['accepted:disclosure'], leads: 'closed', onlyIn: notWithheld },
  { role: 'regulator', action: 'withhold_disclosure', from: ['closed'], leads: 'same', onlyIn: notWithheld },
  { role: 'regulator', action: 'publish_disclosure', from: ['accepted:disclosure'], leads: 'closed', onlyIn: contested },
  { role: 'regulator', action: 'publish_disclosure', from: ['closed'], leads: 'same', onlyIn: contested },
  ...(['fund', 'admin'] as const).flatMap((role): Expected[] => [
    { role, action: 'approve_payout', from: ['accepted:advance_payout'], leads: 'same', onlyIn: undecided },
    { role, action: 'reject_payout', from: ['accepted:advance_payout'], leads: 'accepted:mediation', onlyIn: unpaid },
    { role, action: 'record_payment', from: ['accepted:advance_payout'], leads: 'resolved', onlyIn: ['payoutApproved'] },
    { role, action: 'record_recovery', from: ['resolved', 'closed'], leads: 'same', onlyIn: ['payoutPaid'] },
  ]),
  { role: 'system', action: 'route_accept', from: ['received'], leads: 'routed' },
  { role: 'system', action: 'route_refuse', from: ['received'], leads: 'not_accepted' },
  { role: 'system', action: 'acceptance_timeout', from: ['received'], leads: 'routed' },
  { role: 'system', action: 'odr_timeout', from: ['accepted:odr'], leads: 'accepted:mediation' },
  { role: 'system', action: 'mediation_timeout', from: ['accepted:mediation'], leads: 'unresolved' },
  // SPEC section 9: an undecided payout goes to mediation after 10 working days; an approved one waits for payment.
  { role: 'system', action: 'payout_timeout', from: ['accepted:advance_payout'], leads: 'accepted:mediation', onlyIn: undecided },
  { role: 'system', action: 'publish_due_disclosure', from: ['accepted:disclosure'], leads: 'closed', onlyIn: due },
  { role: 'system', action: 'publish_due_disclosure', from: ['closed'], leads: 'same', onlyIn: due },
  { role: 'system', action: 'close', from: ['not_accepted', 'resolved', 'unresolved', 'withdrawn'], leads: 'closed' },
];

/** Outside `accepted` a case remembers its last step, except before it ever had one. */
function snapshotAt(position: Position, situation: Situation): CaseSnapshot {
  const extra = { hasOpenOffer: false, ...situations[situation] } as Omit<CaseSnapshot, 'status' | 'step'>;
  if (position.startsWith('accepted:')) return { status: 'accepted', step: position.slice('accepted:'.length) as CaseStep, ...extra };
  const lastStep: CaseStep | undefined = ['received', 'not_accepted'].includes(position) ? undefined : 'mediation';
  return { status: position as Exclude<CaseStatus, 'accepted'>, step: lastStep, ...extra };
}

function expectedRow(position: Position, action: CaseAction, role: ActorRole, situation: Situation): Expected | undefined {
  return expected.find((e) => e.role === role && e.action === action && e.from.includes(position) && (!e.onlyIn || e.onlyIn.includes(situation)));
}

function expectedAllowed(position: Position, role: ActorRole, situation: Situation): CaseAction[] {
  return caseActions.filter((action) => expectedRow(position, action, role, situation) !== undefined);
}

const situationNames = Object.keys(situations) as Situation[];
const positions = all;

describe('every allowed row of the lifecycle table', () => {
  const allowedCases = expected.flatMap((e) =>
    e.from.flatMap((from) => (e.onlyIn ?? situationNames).map((situation) => ({ ...e, from, situation, label: `${e.role} ${e.action} in ${from} (${situation})` }))),
  );

  test.each(allowedCases)('$label', ({ role, action, from, leads, situation }) => {
    const snapshot = snapshotAt(from, situation);
    const decision = decide(snapshot, action, role);
    if (!decision.ok) throw new Error(`refused; allowed: ${decision.allowedActions.join(', ')}`);
    if (leads === 'same') expect(decision.next).toEqual({ status: snapshot.status, step: snapshot.step });
    else if (leads === 'routed') expect(decision.next).toEqual({ status: 'accepted', step: snapshot.routedStep ?? 'mediation' });
    else if (leads.startsWith('accepted:')) expect(decision.next).toEqual({ status: 'accepted', step: leads.slice('accepted:'.length) });
    // A case that leaves `accepted` keeps the step it was handled in.
    else expect(decision.next).toEqual({ status: leads, step: snapshot.step });
    expect(decision.statusChanged).toBe(leads !== 'same');
  });
});

describe('every other (position, action, role) is refused with the allowed actions listed', () => {
  const cells = positions.flatMap((position) => actorRoles.map((role) => ({ position, role })));

  test.each(cells)('$role in $position', ({ position, role }) => {
    let refusals = 0;
    for (const situation of situationNames) {
      const snapshot = snapshotAt(position, situation);
      const allowedHere = expectedAllowed(position, role, situation);
      expect(allowedActions(snapshot, role)).toEqual(allowedHere);
      for (const action of caseActions) {
        if (allowedHere.includes(action)) continue;
        const decision = decide(snapshot, action, role);
        expect({ situation, action, decision }).toEqual({ situation, action, decision: expect.objectContaining({ ok: false, allowedActions: allowedHere }) });
        refusals += 1;
      }
    }
    expect(refusals).toBeGreaterThan(0);
  });
});

describe('the table as a whole', () => {
  const rolesActions: Record<string, CaseAction[]> = {
    consumer: ['accept_offer', 'reject_offer', 'withdraw', 'add_info', 'rate', 'mute_sms'],
    mediator: ['accept', 'refuse', 'claim', 'note', 'propose_offer', 'record_agreement', 'end_unresolved', 'flag_collective', 'follow_up'],
    merchant: ['respond', 'make_offer', 'decline', 'object_disclosure'],
    regulator: ['withhold_disclosure', 'publish_disclosure'],
    fund: ['approve_payout', 'reject_payout', 'record_payment', 'record_recovery'],
  };

  test.each(Object.entries(rolesActions).flatMap(([role, actions]) => actions.map((action) => ({ role: role as ActorRole, action }))))(
    "SPEC's $role action $action is possible somewhere",
    ({ role, action }) => {
      const somewhere = positions.some((position) => situationNames.some((situation) => decide(snapshotAt(position, situation), action, role).ok));
      expect(somewhere).toBe(true);
    },
  );

  test('nothing can be done to a closed case that would reopen it', () => {
    for (const situation of situationNames)
      for (const role of actorRoles)
        for (const action of caseActions) {
          const decision = decide(snapshotAt('closed', situation), action, role);
          if (decision.ok) expect(decision.next.status).toBe('closed');
        }
  });

  test('a refused action names the guard that stopped it', () => {
    const decision = decide(snapshotAt('accepted:odr', 'plain'), 'accept_offer', 'consumer');
    expect(decision).toEqual({ ok: false, allowedActions: ['withdraw', 'add_info', 'mute_sms'], failedGuard: 'hasOpenOffer' });
  });

  test('SMS is muted once: a second mute is refused by its guard', () => {
    const decision = decide(snapshotAt('accepted:mediation', 'smsMuted'), 'mute_sms', 'consumer');
    expect(decision).toEqual({ ok: false, allowedActions: ['withdraw', 'add_info'], failedGuard: 'smsNotMuted' });
  });

  test.each(caseSteps)('accepting a held case goes to the routed step %s', (step) => {
    const held: CaseSnapshot = { status: 'received', hasOpenOffer: false, routedStep: step };
    expect(decide(held, 'accept', 'mediator')).toMatchObject({ ok: true, next: { status: 'accepted', step } });
    expect(decide(held, 'route_accept', 'system')).toMatchObject({ ok: true, next: { status: 'accepted', step } });
  });
});
