import type { WorkingCalendar } from '../../reference/types';
import type { Label } from '../i18n';
import type { RoutingFacts } from './facts';
import { identifyRespondent } from './respondent';
import { isTimeBarred, lastDayToFile } from './time-bar';

/** The refusal reasons a rule can decide; `already_handled`, `not_consumer` and `incomplete` need a mediator. */
export type AutomaticRefusal = 'time_barred' | 'duplicate' | 'no_respondent';
/** Why a case waits in the association's queue instead of being routed at once. */
export type ReviewReason = 'respondent_by_name_only' | 'unclear_request';

export type TriageOutcome =
  | { outcome: 'refuse'; reason: AutomaticRefusal; explanation: Label }
  | { outcome: 'review'; reason: ReviewReason; explanation: Label }
  | { outcome: 'accept' };

/**
 * The acceptance decision before routing, in order: the first check that
 * applies decides. A duplicate comes first because it tells the consumer
 * where their complaint already is. Everything is judged as of `filedOn`, so
 * a router retry days later decides the same way.
 */
export function triage(facts: RoutingFacts, calendar: WorkingCalendar): TriageOutcome {
  if (facts.openCaseExists) {
    return refuse('duplicate', { 'zh-CN': '同一消费者就同一商家、同一订单已有正在处理的投诉。', en: 'The same consumer already has an open complaint about this merchant and order.' });
  }
  if (isTimeBarred(facts.knownSince, facts.filedOn, calendar)) {
    const lastDay = lastDayToFile(facts.knownSince, calendar);
    return refuse('time_barred', {
      'zh-CN': `知道权益受损之日（${facts.knownSince}）起已超过三年，最后投诉日为 ${lastDay}。`,
      en: `More than 3 years passed since the harm was known (${facts.knownSince}); the last day to file was ${lastDay}.`,
    });
  }
  const respondent = identifyRespondent(facts.merchant);
  if (respondent === 'none') {
    return refuse('no_respondent', { 'zh-CN': '无法确定被投诉的经营者：没有信用代码、平台、地址或可识别的名称。', en: 'The merchant cannot be identified: no credit code, platform, address or specific name.' });
  }
  if (respondent === 'name') {
    return review('respondent_by_name_only', { 'zh-CN': '经营者仅有名称，需调解员核实被投诉人。', en: 'The merchant is known by name only; a mediator confirms who it is.' });
  }
  if (facts.claim.type === 'other') {
    return review('unclear_request', { 'zh-CN': '诉求类型为“其他”，需调解员判断是否属于消费纠纷。', en: "The request is 'other'; a mediator judges whether it is a consumer dispute." });
  }
  return { outcome: 'accept' };
}

function refuse(reason: AutomaticRefusal, explanation: Label): TriageOutcome {
  return { outcome: 'refuse', reason, explanation };
}

function review(reason: ReviewReason, explanation: Label): TriageOutcome {
  return { outcome: 'review', reason, explanation };
}
