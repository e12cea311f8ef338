import type { CaseRecord } from '../../functions/domain/complaints/case';
import type { CaseStep } from '../../functions/domain/lifecycle';
import { demoSeed } from './demo-seed';
import type { DemoRandom } from './random';

/**
 * What the people around a case do after it is routed, as a list of dated
 * actions: the demo's script for one case. Pure: the routed case and the
 * case's random stream decide it, so a second run plans the same steps (and
 * finds them on the timeline). A case the script leaves without an outcome
 * is left to the deadline sweeper, or stays open in the queues.
 */
export type Actor = 'consumer' | 'mediator' | 'merchant' | 'regulator' | 'fund';

export interface DemoStep {
  at: Date;
  by: Actor;
  action: string;
  fields: Record<string, unknown>;
}

class Script {
  readonly steps: DemoStep[] = [];
  private clock: number;

  constructor(
    start: Date,
    readonly random: DemoRandom,
    readonly record: CaseRecord,
  ) {
    this.clock = start.getTime();
  }

  get now(): number {
    return this.clock;
  }

  /** Go on from an earlier moment (several people react to the same event). */
  from(instant: number): this {
    this.clock = instant;
    return this;
  }

  /** Some hours later (a person's answer takes a while). */
  after(minHours: number, maxHours: number): this {
    this.clock += this.random.int(minHours * 60, maxHours * 60) * 60_000;
    return this;
  }

  add(by: Actor, action: string, fields: Record<string, unknown> = {}): this {
    this.steps.push({ at: new Date(this.clock), by, action, fields });
    return this;
  }

  get merchantKnown(): boolean {
    return this.record.complaint.merchant.creditCode !== undefined;
  }

  /** What a fair settlement offers: the claim, or part of the price. */
  offerFen(): number {
    const { claim, purchase } = this.record.complaint;
    const price = purchase.amountFen ?? 50_000;
    if (claim.amountFen !== undefined && this.random.chance(0.6)) return claim.amountFen;
    return Math.max(1_000, Math.round((price * this.random.int(20, 90)) / 100));
  }

  offerFields() {
    return { amountFen: this.offerFen(), terms: this.random.pick(demoSeed.offerTerms) };
  }
}

/**
 * After the outcome, each from the moment the case closed: a merchant's
 * objection within the 5-working-day window (and the regulator's
 * decision), the association's follow-up visit, and the consumer's rating
 * within the 30-day window.
 */
function afterOutcome(script: Script, outcome: 'resolved' | 'unresolved' | 'withdrawn' | 'not_accepted', handledByAssociation: boolean): void {
  const { random } = script;
  const closedAt = script.now;
  if (outcome !== 'not_accepted' && script.merchantKnown && random.chance(0.08)) {
    script.from(closedAt).after(20, 72).add('merchant', 'object_disclosure', { text: random.pick(demoSeed.objections) });
    script.after(24, 96).add('regulator', random.chance(0.5) ? 'withhold_disclosure' : 'publish_disclosure', { text: '已核实商家异议。' });
  }
  if (handledByAssociation && outcome !== 'not_accepted' && random.chance(0.35)) {
    script.from(closedAt).after(48, 24 * 20).add('mediator', 'follow_up', { text: random.pick(demoSeed.followUps) });
  }
  if (random.chance(outcome === 'not_accepted' ? 0.1 : 0.45)) {
    const rating = outcome === 'resolved' ? random.pick([3, 4, 4, 5, 5, 5]) : random.pick([1, 1, 2, 2, 3, 4]);
    script.from(closedAt).after(12, 24 * 25).add('consumer', 'rate', { rating, ...(random.chance(0.6) ? { comment: random.pick(demoSeed.ratingComments) } : {}) });
  }
}

/** The consumer accepts the offer just made: settled. */
function settledByOffer(script: Script, handledByAssociation: boolean): void {
  script.after(4, 72).add('consumer', 'accept_offer');
  afterOutcome(script, 'resolved', handledByAssociation);
}

function mediation(script: Script): void {
  const { random } = script;
  script.after(2, 48).add('mediator', 'claim');
  if (random.chance(0.3)) script.after(4, 72).add('mediator', 'note', { text: random.pick(demoSeed.notes) });
  if (script.merchantKnown && random.chance(0.3)) script.after(4, 96).add('merchant', 'respond', { text: random.pick(demoSeed.merchantResponses) });
  if (random.chance(0.1)) script.after(4, 96).add('consumer', 'add_info', { text: '补充材料：已上传购物小票和聊天记录截图。' });
  const roll = random.float();
  if (roll < 0.4) {
    script.after(24, 24 * 12).add('mediator', 'propose_offer', script.offerFields());
    settledByOffer(script, true);
  } else if (roll < 0.58) {
    const refund = random.chance(0.7);
    script.after(24, 24 * 15).add('mediator', 'record_agreement', refund ? { refundFen: script.offerFen(), terms: '商家退款，消费者退回商品。' } : { [random.pick(['exchange', 'repair'])]: true, terms: '商家同意更换或维修。' });
    afterOutcome(script, 'resolved', true);
  } else if (roll < 0.7) {
    if (script.merchantKnown) script.after(24, 24 * 6).add('merchant', 'make_offer', script.offerFields());
    else script.after(24, 24 * 6).add('mediator', 'propose_offer', script.offerFields());
    script.after(4, 72).add('consumer', 'reject_offer', { text: '金额太低，不能接受。' });
    script.after(24, 24 * 10).add('mediator', 'end_unresolved', { text: '双方分歧较大，调解终止。' });
    afterOutcome(script, 'unresolved', true);
  } else if (roll < 0.78) {
    script.after(24, 24 * 8).add('consumer', 'withdraw', { text: '已与商家私下协商解决。' });
    afterOutcome(script, 'withdrawn', true);
  }
  // Otherwise nobody acts again: the sweeper ends it after 45 working days, or it is still open.
}

function odr(script: Script): void {
  const { random } = script;
  if (random.chance(0.7)) script.after(2, 48).add('merchant', 'respond', { text: random.pick(demoSeed.merchantResponses) });
  const roll = random.float();
  if (roll < 0.55) {
    script.after(12, 24 * 5).add('merchant', 'make_offer', script.offerFields());
    settledByOffer(script, false);
  } else if (roll < 0.7) {
    script.after(12, 24 * 4).add('merchant', 'make_offer', script.offerFields());
    script.after(4, 48).add('consumer', 'reject_offer', { text: '只同意退款，不接受优惠券。' });
    script.after(4, 48).add('merchant', 'decline', { text: '无法满足消费者要求。' });
    mediation(script);
  } else if (roll < 0.85) {
    script.after(12, 24 * 4).add('merchant', 'decline', { text: '我方不同意消费者的诉求。' });
    mediation(script);
  }
  // Otherwise the merchant lets the 10 working days pass: the sweeper moves it to mediation.
}

function advancePayout(script: Script): void {
  const { random, record } = script;
  const claimed = record.complaint.claim.amountFen ?? record.complaint.purchase.amountFen ?? 10_000;
  if (random.chance(0.1)) {
    script.after(4, 72).add('fund', 'reject_payout', { text: '证据不足，转调解处理。' });
    mediation(script);
    return;
  }
  script.after(4, 72).add('fund', 'approve_payout', { amountFen: claimed });
  script.after(24, 24 * 5).add('fund', 'record_payment', { amountFen: claimed });
  // The fund recovers from the merchant within the 15 working days, mostly.
  if (random.chance(0.8)) script.after(24 * 3, 24 * 18).add('fund', 'record_recovery', { amountFen: claimed });
  afterOutcome(script, 'resolved', true);
}

function disclosure(script: Script): void {
  const { random } = script;
  if (script.merchantKnown && random.chance(0.3)) {
    script.after(12, 72).add('merchant', 'object_disclosure', { text: random.pick(demoSeed.objections) });
    script.after(24, 72).add('regulator', random.chance(0.55) ? 'publish_disclosure' : 'withhold_disclosure', { text: '经核查作出决定。' });
  } else if (random.chance(0.08)) {
    script.after(24, 72).add('regulator', 'withhold_disclosure', { text: '涉及正在调查的案件，暂不公示。' });
  }
  // Otherwise the aggregation job publishes it once the objection window has passed.
}

const byStep: Record<CaseStep, (script: Script) => void> = { odr, mediation, advance_payout: advancePayout, disclosure };

/**
 * The steps after routing, planned from the routing decision (not from the
 * case as it is now), so a second run plans the same steps for a case the
 * first run already walked.
 */
export function scriptFor(record: CaseRecord, random: DemoRandom, routedAt: Date): DemoStep[] {
  const script = new Script(routedAt, random, record);
  const routing = record.routing;
  if (!routing || routing.outcome === 'not_accepted') {
    afterOutcome(script, 'not_accepted', false);
  } else if (routing.outcome === 'review') {
    // Left for a mediator: the routing rules already named the step an acceptance leads to.
    script.after(2, 48).add('mediator', 'claim');
    if (random.chance(0.3)) {
      script.after(2, 72).add('mediator', 'refuse', { reason: random.pick(['not_consumer', 'already_handled', 'incomplete']) });
      afterOutcome(script, 'not_accepted', true);
    } else {
      script.after(2, 72).add('mediator', 'accept');
      byStep[routing.step ?? 'mediation'](script);
    }
  } else {
    byStep[routing.step ?? 'mediation'](script);
  }
  // Reactions to one event interleave: take them in the order they happen.
  return script.steps.sort((a, b) => a.at.getTime() - b.at.getTime());
}
