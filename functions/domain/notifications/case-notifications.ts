import type { CaseRecord } from '../complaints/case';
import type { Language } from '../i18n';
import { caseSteps, refusalReasons } from '../../reference';
import { render, type RenderedMessage, type TemplateKey } from './templates';
import { fenToYuan as yuan } from '../money';

/**
 * The one place that says which case change notifies whom (SPEC section 10).
 * The consumer: filed (case id and tracking link — never the access code),
 * accepted or refused with the reason, a new step, an offer, a deadline
 * passed, the outcome with the routes left, the rating invitation. A
 * registered merchant with a contact: a new (accepted) case, the consumer's
 * answer to an offer, a disclosure's objection window.
 */
export type Recipient = 'consumer' | 'merchant';

export interface Notice {
  recipient: Recipient;
  key: TemplateKey;
  /** Template parameters in each language (step names and reasons differ). */
  params: (lang: Language) => Record<string, string>;
}

export interface CaseChange {
  /** Absent for a newly filed case. */
  before?: CaseRecord;
  after: CaseRecord;
  /** The timeline event type of this change (`odr_timeout`, `accept_offer`, ...), when known. */
  eventType?: string;
}

const stepLabel = (step: string | null | undefined, lang: Language) => caseSteps.find((s) => s.code === step)?.label[lang] ?? step ?? '';
const outcomes = { resolved: 'outcome_resolved', unresolved: 'outcome_unresolved', withdrawn: 'outcome_withdrawn' } as const;

function refusalText(record: CaseRecord, lang: Language): string {
  if (record.routing?.outcome === 'not_accepted') return record.routing.reason[lang];
  return refusalReasons.find((r) => r.code === record.refusalReason)?.label[lang] ?? record.refusalReason ?? '';
}

/** The case as its filing alone left it: received, not yet routed. */
function asFiled(record: CaseRecord): CaseRecord {
  const { routing: _routing, routedStep: _routedStep, acceptedOn: _acceptedOn, ...filed } = record;
  return { ...filed, status: 'received', step: null, version: 1 };
}

export function noticesFor(change: CaseChange, links: { trackingUrl: string }): Notice[] {
  const { before, after, eventType } = change;
  const base = () => ({ caseId: after.caseId, link: links.trackingUrl });
  const notices: Notice[] = [];
  const consumer = (key: TemplateKey, extra: (lang: Language) => Record<string, string> = () => ({})) => notices.push({ recipient: 'consumer', key, params: (lang) => ({ ...base(), ...extra(lang) }) });
  const merchant = (key: TemplateKey, extra: (lang: Language) => Record<string, string> = () => ({})) => notices.push({ recipient: 'merchant', key, params: (lang) => ({ ...base(), ...extra(lang) }) });

  if (!before) {
    consumer('filed');
    // Routed in the filing's own write: what the routing tells follows the filing notice at once.
    if (after.routing) notices.push(...noticesFor({ before: asFiled(after), after, eventType }, links));
    return notices;
  }
  const statusChanged = before.status !== after.status;
  if (statusChanged && after.status === 'accepted' && before.status === 'received') {
    consumer(eventType === 'acceptance_timeout' ? 'deadline_passed' : 'accepted', (lang) => ({ step: stepLabel(after.step, lang) }));
    merchant('merchant_new_case', (lang) => ({ step: stepLabel(after.step, lang) }));
  } else if (statusChanged && after.status === 'not_accepted') {
    consumer('refused', (lang) => ({ reason: refusalText(after, lang) }));
  } else if (!statusChanged && after.status === 'accepted' && before.step !== after.step) {
    consumer(eventType?.endsWith('_timeout') ? 'deadline_passed' : 'step', (lang) => ({ step: stepLabel(after.step, lang) }));
  }
  if (statusChanged && after.status in outcomes) consumer(outcomes[after.status as keyof typeof outcomes]);
  if (statusChanged && after.status === 'closed') consumer('rating_invitation', () => ({ until: after.deadline?.kind === 'rating' ? after.deadline.date : '' }));

  const openBefore = new Set((before.offers ?? []).filter((o) => o.status === 'open').map((o) => o.id));
  for (const offer of after.offers ?? []) {
    if (offer.status === 'open' && !openBefore.has(offer.id)) consumer('offer', () => ({ amount: yuan(offer.amountFen) }));
    if (openBefore.has(offer.id) && (offer.status === 'accepted' || offer.status === 'rejected')) {
      const answer = offer.status;
      merchant('merchant_offer_answer', (lang) => ({ answer: lang === 'en' ? answer : answer === 'accepted' ? '接受' : '拒绝' }));
    }
  }
  if (!before.disclosure && after.disclosure?.state === 'candidate') merchant('merchant_disclosure', () => ({ until: after.disclosure!.objectionUntil }));
  return notices;
}

/** One message to send: where, how, and what. */
export interface NotificationMessage {
  recipient: Recipient;
  key: TemplateKey;
  channel: 'sms' | 'email';
  to: string;
  lang: Language;
  text: string;
  subject?: string;
}

/**
 * The messages of the notices: SMS to the phone (unless the consumer muted
 * SMS for the case), e-mail where an address is given. Consumers get their
 * filing language; merchants get Chinese.
 */
export function messagesFor(notices: readonly Notice[], record: CaseRecord, merchantContact: { phone?: string; email?: string } | undefined): NotificationMessage[] {
  const messages: NotificationMessage[] = [];
  for (const notice of notices) {
    const isConsumer = notice.recipient === 'consumer';
    const lang: Language = isConsumer ? (record.lang ?? 'zh-CN') : 'zh-CN';
    const contact = isConsumer ? { phone: record.smsMuted ? undefined : record.complaint.consumer.phone, email: record.complaint.consumer.email } : merchantContact;
    if (!contact) continue;
    const rendered: RenderedMessage = render(notice.key, lang, notice.params(lang));
    if (contact.phone) messages.push({ recipient: notice.recipient, key: notice.key, channel: 'sms', to: contact.phone, lang, text: rendered.sms });
    if (contact.email) messages.push({ recipient: notice.recipient, key: notice.key, channel: 'email', to: contact.email, lang, text: rendered.body, subject: rendered.subject });
  }
  return messages;
}
