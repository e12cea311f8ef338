import type { ConsumerCaseView, Deadline, Offer, TimelineEvent } from '../api/client';
import { chinaDateTime } from '../shared/china-time';
import { formatFen } from '../shared/money';
import {
  actorLabel,
  categoryLabel,
  claimTypeLabel,
  deadlineKindLabel,
  issueLabel,
  offerStatusLabel,
  refusalReasonLabel,
  statusLabel,
  stepLabel,
  timelineTypeLabel,
} from '../ui/code-labels';
import { el } from '../ui/dom';
import { pick, t } from '../ui/i18n';
import type { TextKey } from '../ui/texts';
import { tt } from './texts';

/**
 * The case as its consumer sees it (`GET /v1/complaints/{caseId}`): where it
 * stands, by when the next thing must happen, why it went where it went,
 * everything that happened (in China time) and any offers.
 */
function fact(label: TextKey, id: string, ...value: Array<Node | string | null>): HTMLElement {
  return el('div', { class: 'fact' }, el('dt', {}, t(label)), el('dd', { id }, ...value));
}

const yuan = (fen: number) => t('yuanAmount', { amount: formatFen(fen) });

function deadlineText(deadline: Deadline | null): Array<Node | string> {
  if (!deadline) return [t('deadlineNone')];
  const text = t('deadlineBy', { kind: deadlineKindLabel(deadline.kind), date: deadline.date });
  return deadline.provisional ? [text, el('span', { class: 'provisional' }, ' ', t('provisional'))] : [text];
}

function reasonText(reason: TimelineEvent['reason']): string | undefined {
  if (!reason) return undefined;
  if (reason.text) return pick(reason.text);
  return reason.code ? refusalReasonLabel(reason.code) : undefined;
}

function timelineItem(event: TimelineEvent): HTMLElement {
  const what = timelineTypeLabel(event.type) ?? statusLabel(event.status);
  const reason = reasonText(event.reason);
  const stateParts = [statusLabel(event.status), event.step ? stepLabel(event.step) : undefined].filter(Boolean).join(' · ');
  return el(
    'li',
    { class: 'timeline-item' },
    el('div', { class: 'timeline-meta' }, el('time', { datetime: event.at }, chinaDateTime(event.at)), el('span', { class: 'timeline-actor' }, actorLabel(event.actor))),
    el('p', { class: 'timeline-what' }, el('strong', {}, what), el('span', { class: 'timeline-state' }, stateParts)),
    reason ? el('p', { class: 'timeline-reason' }, reason) : null,
    event.text ? el('p', { class: 'timeline-text' }, event.text) : null,
  );
}

function offerItem(offer: Offer): HTMLElement {
  return el(
    'li',
    { class: 'offer' },
    el(
      'dl',
      { class: 'facts facts-compact' },
      fact('offerAmount', `offer-${offer.id}-amount`, yuan(offer.amountFen)),
      fact('offerTerms', `offer-${offer.id}-terms`, offer.terms),
      fact('offerBy', `offer-${offer.id}-by`, actorLabel(offer.by)),
      fact('offerStatus', `offer-${offer.id}-status`, offerStatusLabel(offer.status)),
    ),
  );
}

/**
 * The headline: how the case stands in the words a consumer needs — a
 * closed case as how it ended, with the day it closed; a refusal with its
 * reason; an unresolved case with the routes left open.
 */
function headline(view: ConsumerCaseView): HTMLElement {
  const { headline } = view;
  const main = headline.code === 'accepted' && headline.step ? tt('inStep', { status: statusLabel('accepted'), step: stepLabel(headline.step) }) : statusLabel(headline.code);
  const reason = headline.reason ? pick(headline.reason) : headline.reasonCode ? refusalReasonLabel(headline.reasonCode) : undefined;
  const reasonLine = reason ? tt(headline.code === 'unresolved' ? 'nextRoutes' : 'notAcceptedReason', { reason }) : undefined;
  return el(
    'div',
    { class: 'headline' },
    el(
      'p',
      { class: `status-badge status-${headline.code}` },
      el('span', { class: 'status-badge-label' }, t('status')),
      el('strong', { id: 'case-status' }, main),
      headline.closed && headline.closedOn ? el('span', { id: 'case-closed', class: 'status-badge-closed' }, tt('closedOn', { date: headline.closedOn })) : null,
    ),
    reasonLine ? el('p', { id: 'case-reason', class: 'headline-reason' }, reasonLine) : null,
    view.agreement ? el('p', { id: 'case-agreement' }, tt('agreementGot', { amount: yuan(view.agreement.recoveredFen) })) : null,
    view.rating ? el('p', { id: 'case-rating' }, tt('yourRating', { rating: view.rating.rating })) : null,
  );
}

export function renderCase(view: ConsumerCaseView, actions?: HTMLElement): HTMLElement {
  const claim = view.claim.amountFen !== undefined ? `${claimTypeLabel(view.claim.type)} · ${yuan(view.claim.amountFen)}` : claimTypeLabel(view.claim.type);
  const timeline = [...view.timeline].sort((a, b) => a.seq - b.seq);
  return el(
    'section',
    { class: 'card case', id: 'case', 'aria-labelledby': 'case-title' },
    el('h2', { id: 'case-title', tabindex: '-1', translate: 'no' }, t('caseHeading', { caseId: view.caseId })),
    headline(view),
    actions ?? null,
    el('h3', {}, tt('detailsTitle')),
    el(
      'dl',
      { class: 'facts' },
      fact('step', 'case-step', view.step ? stepLabel(view.step) : t('stepNone')),
      fact('deadline', 'case-deadline', ...deadlineText(view.deadline)),
      view.routing ? fact('routingReason', 'case-routing', pick(view.routing.reason)) : null,
      fact('receivedAt', 'case-received', t('inChinaTime', { time: chinaDateTime(view.receivedAt) })),
      fact('category', 'case-category', categoryLabel(view.category)),
      fact('issue', 'case-issue', issueLabel(view.issue)),
      fact('merchant', 'case-merchant', view.merchant.name),
      fact('claim', 'case-claim', claim),
    ),
    el('h3', {}, t('timeline')),
    el('p', { class: 'field-hint' }, t('timelineTimes')),
    el('ol', { class: 'timeline', id: 'case-timeline' }, ...timeline.map(timelineItem)),
    el('h3', {}, t('offers')),
    view.offers.length > 0 ? el('ul', { class: 'offers', id: 'case-offers' }, ...view.offers.map(offerItem)) : el('p', { id: 'case-offers' }, t('offersNone')),
  );
}
