import type { StaffAction } from '../../../functions/domain/cases/action-schemas';
import type { StaffCaseView } from '../../../functions/domain/cases/staff-view';
import { chinaDateTime } from '../shared/china-time';
import { formatFen } from '../shared/money';
import { el } from '../ui/dom';
import { pick } from '../ui/i18n';
import { actorLabel, categoryLabel, channelLabel, claimTypeLabel, issueLabel, offerStatusLabel, refusalReasonLabel, statusLabel, stepLabel, timelineTypeLabel } from '../ui/code-labels';
import { staffCall } from './api';
import { actionForm } from './action-form';
import { deadlineText, isOverdue } from './deadline-label';
import { addFundLimits } from './fund-limits';
import { answerProblem } from './problems';
import { hrefOf } from './router';
import { actionLabel, ct, fieldLabel } from './texts';

/**
 * A case as the caller's role may see it (the API already masks what a
 * merchant may not see), and the caller's `allowedActions` as buttons
 * (`data-action="<code>"`), each opening its form. After an action the page
 * reloads the case; a 409 shows the timeline entries that arrived meanwhile.
 */
type CaseView = StaffCaseView;
type Event = CaseView['timeline'][number];

const fact = (label: string, value: string | Node, attributes: Record<string, string> = {}) => el('div', { class: 'fact', ...attributes }, el('dt', {}, label), el('dd', {}, value));
/** A card of facts: `<section>` titled by its `<h2>`, the facts in one `<dl>`, then anything after them. */
function factsCard(name: string, title: string, facts: (HTMLElement | null)[], ...after: (HTMLElement | string | null)[]): HTMLElement {
  return el('section', { class: 'card', 'aria-labelledby': `${name}-title` }, el('h2', { id: `${name}-title` }, title), el('dl', { class: 'facts' }, ...facts), ...after);
}
const yuan = (fen: number | undefined) => (fen === undefined ? '—' : `¥${formatFen(fen)}`);

function timelineItem(event: Event): HTMLElement {
  const what = timelineTypeLabel(event.type) ?? event.type;
  return el(
    'li',
    { class: 'timeline-item', 'data-seq': String(event.seq) },
    el('span', { class: 'timeline-what' }, what),
    el('span', { class: 'timeline-meta' }, `${chinaDateTime(event.at)} · ${actorLabel(event.actor)} · ${statusLabel(event.status)}${event.step ? ` · ${stepLabel(event.step)}` : ''}`),
    event.amountFen !== undefined ? el('span', {}, yuan(event.amountFen)) : null,
    event.text ? el('span', { class: 'timeline-reason' }, event.text) : null,
    event.reason?.text ? el('span', { class: 'timeline-reason' }, pick(event.reason.text)) : null,
  );
}

/**
 * An injury as the role may see it: staff read what the consumer wrote; a
 * merchant's view carries only the notice that one was reported (never the
 * description), and that notice is what its page shows.
 */
function injuryFact(injury: CaseView['injury']): HTMLElement | null {
  if (!injury.occurred) return null;
  const text = 'notice' in injury && injury.notice ? pick(injury.notice) : 'description' in injury && injury.description ? injury.description : ct('injuryReported');
  return el('p', { id: 'case-injury', class: 'notice notice-important' }, el('strong', {}, `${ct('injury')}: `), text);
}

function details(view: CaseView): HTMLElement[] {
  const { consumer, merchant, purchase, claim } = view;
  const phone = 'phone' in consumer ? consumer.phone : undefined;
  const complaint = factsCard(
    'complaint',
    ct('complaint'),
    [
      fact(ct('category'), `${categoryLabel(view.category)} · ${issueLabel(view.issue)}`),
      fact(ct('purchase'), `${purchase.date} · ${channelLabel(purchase.channel)} · ${yuan(purchase.amountFen)}`),
      fact(ct('claim'), `${claimTypeLabel(claim.type)} ${yuan(claim.amountFen)}`),
      fact(ct('deadline'), deadlineText(view.deadline), { id: 'case-deadline', class: isOverdue(view.deadline) ? 'fact deadline-overdue' : 'fact' }),
    ],
    el('p', { id: 'case-description' }, view.description),
    injuryFact(view.injury),
  );
  const parties = factsCard('parties', ct('parties'), [
    fact(ct('consumer'), consumer.name ?? ct('personalDataErased'), { id: 'case-consumer' }),
    phone ? fact(ct('phone'), phone, { id: 'case-consumer-phone' }) : null,
    fact(ct('merchantParty'), `${merchant.name}${merchant.creditCode ? ` (${merchant.creditCode})` : ''}`),
    view.claimedBy ? fact(ct('claimedBy'), view.claimedByCaller ? ct('claimedByYou') : view.claimedBy, { id: 'case-claimed' }) : null,
  ]);
  const routing = view.routing
    ? factsCard('routing', ct('routing'), [
        fact(ct('routing'), `${view.routing.ruleId} (${view.routing.ruleSetId} v${view.routing.ruleSetVersion})`, { id: 'case-routing-rule' }),
        fact(ct('routingReason'), pick(view.routing.reason)),
        view.refusalReason ? fact(ct('routingReason'), refusalReasonLabel(view.refusalReason)) : null,
      ])
    : null;
  const offers = el(
    'section',
    { class: 'card', 'aria-labelledby': 'offers-title', id: 'case-offers' },
    el('h2', { id: 'offers-title' }, ct('offers')),
    view.offers.length === 0
      ? el('p', { class: 'muted' }, ct('none'))
      : el('ul', { class: 'offers' }, ...view.offers.map((o) => el('li', { class: 'offer', 'data-offer-status': o.status }, `${actorLabel(o.by)} · ${yuan(o.amountFen)} · ${o.terms} · ${o.status === 'open' ? ct('offerOpen') : offerStatusLabel(o.status)}`))),
    view.agreement
      ? el(
          'div',
          { id: 'case-agreement' },
          el('h3', {}, ct('agreement')),
          el(
            'p',
            {},
            [
              view.agreement.refundFen ? `${fieldLabel('refundFen')} ${yuan(view.agreement.refundFen)}` : '',
              view.agreement.compensationFen ? `${fieldLabel('compensationFen')} ${yuan(view.agreement.compensationFen)}` : '',
              ...(['exchange', 'repair', 'apology'] as const).filter((promise) => view.agreement?.[promise]).map(fieldLabel),
              view.agreement.terms ?? '',
            ]
              .filter(Boolean)
              .join(' · '),
          ),
        )
      : null,
    view.disclosure ? el('p', { id: 'case-disclosure', 'data-state': view.disclosure.state }, `${ct('disclosure')}: ${ct(`disclosure_${view.disclosure.state}`)} · ${ct('objectionUntil', { date: view.disclosure.objectionUntil })}`) : null,
  );
  return [complaint, parties, ...(routing ? [routing] : []), offers];
}

export async function renderCase(mount: HTMLElement, caseId: string, notice?: HTMLElement): Promise<void> {
  mount.replaceChildren(el('p', { class: 'card' }, ct('loading')));
  const answer = await staffCall<CaseView>('GET', `/v1/cases/${encodeURIComponent(caseId)}`);
  // A 401 has already replaced the page with the "session expired" one.
  if (answer.kind === 'unauthorized') return;
  if (answer.kind !== 'ok') return void mount.replaceChildren(el('section', { class: 'card' }, el('h1', { id: 'view-title', tabindex: '-1' }, caseId), answerProblem(answer)));
  const view = answer.value;

  const formMount = el('div', { id: 'action-form-mount' });
  const buttons = view.allowedActions.map((action) => {
    const button = el('button', { type: 'button', class: 'button button-secondary', 'data-action': action, 'aria-expanded': 'false', 'aria-controls': 'action-form-mount' }, actionLabel(action));
    button.addEventListener('click', () => {
      const form = actionForm({
        caseId,
        version: view.version,
        action: action as StaffAction,
        done: () => void renderCase(mount, caseId, el('p', { class: 'notice', role: 'status', id: 'action-done', 'data-done': action, tabindex: '-1' }, ct('done', { action: actionLabel(action) }))),
        stale: () => void showStale(mount, caseId, view.version),
      });
      form.addEventListener('cancel', () => {
        formMount.replaceChildren();
        button.setAttribute('aria-expanded', 'false');
        button.focus();
      });
      for (const other of buttons) other.setAttribute('aria-expanded', String(other === button));
      formMount.replaceChildren(form);
      form.querySelector<HTMLElement>('input, select, textarea, button[type=submit]')?.focus();
      void addFundLimits(form, view, action);
    });
    return button;
  });

  mount.replaceChildren(
    el('p', {}, el('a', { href: hrefOf('queue') }, ct('backToQueue'))),
    notice ?? '',
    el(
      'section',
      { class: 'card', 'aria-labelledby': 'view-title' },
      el('h1', { id: 'view-title', tabindex: '-1', translate: 'no' }, view.caseId),
      el('p', { class: 'status-badge', id: 'case-status' }, `${statusLabel(view.status)}${view.step ? ` · ${stepLabel(view.step)}` : ''}`),
      el('h2', {}, ct('actions')),
      buttons.length > 0 ? el('div', { class: 'action-buttons', id: 'action-buttons' }, ...buttons) : el('p', { class: 'muted', id: 'no-actions' }, ct('noActions')),
      formMount,
    ),
    ...details(view),
    el('section', { class: 'card', 'aria-labelledby': 'timeline-title' }, el('h2', { id: 'timeline-title' }, ct('timeline')), el('ol', { class: 'timeline', id: 'case-timeline' }, ...view.timeline.map(timelineItem))),
  );
  (notice ?? mount.querySelector<HTMLElement>('#view-title'))?.focus();
}

/** Nothing was written: show what others did since `seenVersion`, then the case as it is now. */
async function showStale(mount: HTMLElement, caseId: string, seenVersion: number): Promise<void> {
  const answer = await staffCall<CaseView>('GET', `/v1/cases/${encodeURIComponent(caseId)}`);
  const fresh = answer.kind === 'ok' ? answer.value.timeline.filter((event) => event.seq > seenVersion) : [];
  const notice = el(
    'div',
    { class: 'notice notice-important', role: 'alert', id: 'stale-notice', tabindex: '-1' },
    el('h2', {}, ct('staleTitle')),
    el('p', {}, ct('staleText')),
    el('ol', { class: 'timeline', id: 'stale-changes' }, ...fresh.map(timelineItem)),
  );
  await renderCase(mount, caseId, notice);
}
