import type { CaseList } from '../../../functions/services/cases/list-cases';
import { caseStatuses, caseSteps } from '../../../functions/reference';
import { chinaDateTime } from '../shared/china-time';
import { formatFen } from '../shared/money';
import { el } from '../ui/dom';
import { pick } from '../ui/i18n';
import { categoryLabel, claimTypeLabel, issueLabel, statusLabel, stepLabel } from '../ui/code-labels';
import { queryString, staffCall } from './api';
import { byUrgency, deadlineText, isOverdue } from './deadline-label';
import { hrefOf, go } from './router';
import type { Session } from './session';
import { ct } from './texts';
import { answerProblem } from './problems';

/**
 * `GET /v1/cases` as a worklist. Filters live in the address
 * (`#/queue?status=accepted&overdue=true&cursor=...`), so a view can be
 * bookmarked; each page is shown overdue first, then by deadline (the
 * index itself is in order of receipt; see docs/console.md).
 */
const filterNames = ['status', 'step', 'overdue', 'claimed', 'disclosure', 'from', 'to'] as const;

function select(id: string, label: string, options: { code: string; label: string }[], value: string | null): HTMLElement {
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    el('select', { id, name: id.replace('filter-', '') }, el('option', { value: '' }, ct('any')), ...options.map((o) => el('option', { value: o.code, selected: o.code === value }, o.label))),
  );
}

function filtersForm(view: string, params: URLSearchParams, session: Session, fixed: Record<string, string>): HTMLFormElement {
  const codes = (entries: typeof caseStatuses) => entries.map((entry) => ({ code: entry.code, label: pick(entry.label) }));
  const check = (name: string, value: string, label: string) =>
    el('div', { class: 'field-check' }, el('input', { type: 'checkbox', id: `filter-${name}`, name, value, checked: params.get(name) === value }), el('label', { for: `filter-${name}` }, label));
  const date = (name: string, label: string) => el('div', { class: 'field' }, el('label', { for: `filter-${name}` }, label), el('input', { type: 'date', id: `filter-${name}`, name, value: params.get(name) ?? '' }));
  const form = el(
    'form',
    { id: 'queue-filters', class: 'filters', 'aria-label': ct('filters') },
    fixed.status ? null : select('filter-status', ct('status'), codes(caseStatuses), params.get('status')),
    fixed.step ? null : select('filter-step', ct('step'), codes(caseSteps), params.get('step')),
    date('from', ct('from')),
    date('to', ct('to')),
    check('overdue', 'true', ct('overdue')),
    session.role === 'mediator' ? check('claimed', 'me', ct('claimedByMe')) : null,
    el(
      'div',
      { class: 'form-actions' },
      el('button', { type: 'submit', class: 'button button-primary', id: 'filter-apply' }, ct('apply')),
      el('a', { class: 'button button-secondary', href: hrefOf(view) }, ct('reset')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const name of filterNames) {
      const value = data.get(name);
      if (typeof value === 'string' && value !== '') next[name] = value;
    }
    go(hrefOf(view, next));
  });
  return form;
}

type Summary = CaseList['items'][number];

function caseItem(item: Summary): HTMLElement {
  const overdue = isOverdue(item.deadline);
  return el(
    'li',
    { class: `case-item${overdue ? ' case-overdue' : ''}`, 'data-case-id': item.caseId },
    el('a', { href: hrefOf('case', undefined, item.caseId), class: 'case-link', translate: 'no' }, item.caseId),
    el('span', { class: 'status-badge' }, statusLabel(item.status), item.step ? ` · ${stepLabel(item.step)}` : ''),
    el('span', {}, `${item.merchant.name} · ${categoryLabel(item.category)} · ${issueLabel(item.issue)}`),
    el('span', {}, `${claimTypeLabel(item.claim.type)}${item.claim.amountFen !== undefined ? ` ¥${formatFen(item.claim.amountFen)}` : ''}`),
    el('span', { class: overdue ? 'deadline-overdue' : 'muted' }, `${ct('deadline')}: ${deadlineText(item.deadline)}`),
    el('span', { class: 'muted' }, `${ct('received')}: ${chinaDateTime(item.receivedAt)}`),
    item.openOffer ? el('span', { class: 'tag' }, ct('openOffer')) : null,
  );
}

export async function renderQueue(
  mount: HTMLElement,
  session: Session,
  options: { view: string; params: URLSearchParams; title: string; fixed?: Record<string, string>; note?: HTMLElement },
): Promise<void> {
  const { view, params } = options;
  const fixed = options.fixed ?? {};
  const heading = el('h1', { id: 'view-title', tabindex: '-1' }, options.title);
  const results = el('div', { id: 'queue-results', 'aria-live': 'polite' }, el('p', {}, ct('loading')));
  mount.replaceChildren(el('section', { class: 'card' }, heading, options.note ?? null, filtersForm(view, params, session, fixed)), el('section', { class: 'card' }, results));

  const query: Record<string, string | undefined> = { ...fixed };
  // `limit` has no field (20 a page suits people) but an address may carry it, as the API takes it.
  for (const name of [...filterNames, 'limit', 'cursor']) query[name] ??= params.get(name) ?? undefined;
  const answer = await staffCall<CaseList>('GET', `/v1/cases${queryString(query)}`);
  if (answer.kind !== 'ok') return void results.replaceChildren(answerProblem(answer));
  const items = byUrgency(answer.value.items);
  const next = answer.value.cursor;
  results.replaceChildren(
    items.length === 0 ? el('p', { id: 'queue-empty' }, ct('noCases')) : el('p', { class: 'muted' }, ct('sortNote')),
    el('ul', { class: 'case-list', id: 'case-list' }, ...items.map(caseItem)),
    el(
      'div',
      { class: 'form-actions' },
      params.get('cursor') ? el('a', { class: 'button button-secondary', href: hrefOf(view, withCursor(params, undefined)) }, ct('firstPage')) : null,
      next ? el('a', { class: 'button button-secondary', id: 'next-page', href: hrefOf(view, withCursor(params, next)) }, ct('nextPage')) : null,
    ),
  );
}

function withCursor(params: URLSearchParams, cursor: string | undefined): URLSearchParams {
  const copy = new URLSearchParams(params);
  if (cursor) copy.set('cursor', cursor);
  else copy.delete('cursor');
  return copy;
}
