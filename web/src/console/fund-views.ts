import type { FundView } from '../../../functions/domain/funds/fund';
import type { LedgerEntry } from '../../../functions/domain/funds/ledger';
import type { PayoutQueueEntry } from '../../../functions/domain/funds/payout-queue';
import { chinaDateTime } from '../shared/china-time';
import { formatFen } from '../shared/money';
import { el, listOrEmpty } from '../ui/dom';
import { language } from '../ui/i18n';
import { statusLabel } from '../ui/code-labels';
import { staffCall, staffDownload } from './api';
import { depositForm, fundRegistryForm, type FundRegistryFields } from './fund-forms';
import { answerProblem } from './problems';
import { go, hrefOf } from './router';
import type { Session } from './session';
import { ct, type ConsoleTextKey } from './texts';

/**
 * The fund pages (SPEC section 9, docs/funds.md) for the fund's officers
 * (mediators of its association) and admins: `#/funds` lists the funds the
 * caller may see (`GET /v1/funds`; admins also register funds there) and
 * `#/fund/<fundId>` shows one fund: its counters, payout queue, overdue
 * recoveries and ledger (paged, with a CSV download); admins also deposit
 * and change the registry fields there.
 */
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `¥${formatFen(fen)}`);
const caseLink = (caseId: string) => el('a', { href: hrefOf('case', undefined, caseId), translate: 'no' }, caseId);
const section = (id: string, title: ConsoleTextKey, ...children: (Node | string | null)[]) =>
  el('section', { class: 'card', id, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title` }, ct(title)), ...children);

export async function fundsList(): Promise<FundRegistryFields[] | undefined> {
  const answer = await staffCall<{ items: FundRegistryFields[] }>('GET', '/v1/funds');
  return answer.kind === 'ok' ? answer.value.items : undefined;
}

/** Links to each fund's pages: where the payout queue page used to say they would come. */
export async function fundLinks(): Promise<HTMLElement> {
  const funds = (await fundsList()) ?? [];
  return el(
    'nav',
    { class: 'notice', id: 'fund-pages', 'aria-label': ct('fundsTitle') },
    el('p', {}, funds.length === 0 ? ct('noFunds') : ct('fundPagesLinks')),
    funds.length > 0 ? el('ul', {}, ...funds.map((f) => el('li', {}, el('a', { href: hrefOf('fund', undefined, f.fundId), 'data-fund': f.fundId }, f.name)))) : null,
  );
}

export async function renderFunds(mount: HTMLElement, session: Session): Promise<void> {
  const body = el('div', { id: 'view-body' }, el('p', {}, ct('loading')));
  mount.replaceChildren(el('section', { class: 'card' }, el('h1', { id: 'view-title', tabindex: '-1' }, ct('fundsTitle')), body));
  const answer = await staffCall<{ items: FundRegistryFields[] }>('GET', '/v1/funds');
  if (answer.kind !== 'ok') return void body.replaceChildren(answerProblem(answer));
  const funds = answer.value.items;
  body.replaceChildren(
    listOrEmpty(
      'fund-list',
      funds.map((f) =>
        el('li', { class: 'case-item' }, el('a', { href: hrefOf('fund', undefined, f.fundId), 'data-fund': f.fundId }, f.name), el('span', { class: 'muted', translate: 'no' }, `${f.fundId} · ${ct(`kind_${f.kind}`)} · ${f.associationId}`)),
      ),
      el('p', {}, ct('noFunds')),
    ),
  );
  if (session.role === 'admin') mount.append(el('section', { class: 'card' }, fundRegistryForm(undefined, (fundId) => go(hrefOf('fund', undefined, fundId)))));
}

const counterNames = ['availableFen', 'balanceFen', 'depositedFen', 'reservedFen', 'paidFen', 'recoveredFen', 'perCaseLimitFen'] as const;

function balance(fund: FundView): HTMLElement {
  return section(
    'fund-balance',
    'balance',
    el(
      'dl',
      { class: 'facts' },
      ...counterNames.map((name) => el('div', { class: 'fact', 'data-counter': name }, el('dt', {}, ct(`counter_${name}`)), el('dd', {}, yuan(fund[name])))),
      el('div', { class: 'fact', 'data-counter': 'seq' }, el('dt', {}, ct('counter_seq')), el('dd', {}, String(fund.seq))),
    ),
  );
}

const payoutStates = ['pending', 'approved', 'paid', 'rejected', 'left'] as const;

function payoutItem(p: PayoutQueueEntry & { unrecoveredFen?: number }): HTMLElement {
  return el(
    'li',
    { class: 'case-item', 'data-case': p.caseId, 'data-state': p.state },
    caseLink(p.caseId),
    el('span', {}, `${ct(`state_${p.state}`)} · ${statusLabel(p.status)} · ${p.merchant.name}`),
    el('span', {}, `${ct('claim')} ${yuan(p.claimFen)} · ${ct('state_approved')} ${yuan(p.approvedFen)} · ${ct('state_paid')} ${yuan(p.paidFen)} · ${ct('counter_recoveredFen')} ${yuan(p.recoveredFen)}`),
    p.unrecoveredFen !== undefined ? el('span', { class: 'deadline-overdue' }, ct('unrecovered', { amount: formatFen(p.unrecoveredFen) })) : null,
    p.state === 'pending' && p.decideBy ? el('span', { class: 'muted' }, ct('decideBy', { date: p.decideBy })) : null,
    p.repayBy ? el('span', { class: 'muted' }, ct('repayBy', { date: p.repayBy })) : null,
  );
}

function payoutsSection(fundId: string, params: URLSearchParams, items: PayoutQueueEntry[]): HTMLElement {
  const chosen = params.get('state') ?? '';
  const state = el('select', { id: 'payout-state', name: 'state' }, el('option', { value: '' }, `${ct('state_pending')} + ${ct('state_approved')}`), ...payoutStates.map((s) => el('option', { value: s, selected: s === chosen }, ct(`state_${s}`))));
  const filter = el('form', { class: 'filters', id: 'payout-filter' }, el('div', { class: 'field' }, el('label', { for: 'payout-state' }, ct('payoutState')), state), el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button button-secondary' }, ct('apply'))));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    go(hrefOf('fund', { state: state.value, cursor: params.get('cursor') ?? undefined }, fundId));
  });
  return section('fund-payouts', 'payoutQueue', filter, listOrEmpty('payout-list', items.map(payoutItem), el('p', { class: 'muted' }, ct('none'))));
}

function ledgerSection(fundId: string, params: URLSearchParams, page: { items: LedgerEntry[]; cursor?: string }): HTMLElement {
  const status = el('p', { class: 'form-status', id: 'ledger-csv-status', role: 'status', hidden: true });
  const download = el('button', { type: 'button', class: 'button button-secondary', id: 'ledger-csv' }, ct('downloadCsv'));
  download.addEventListener('click', async () => {
    const answer = await staffDownload(`/v1/funds/${encodeURIComponent(fundId)}/ledger.csv?lang=${language()}`, `${fundId}-ledger.csv`);
    status.hidden = false;
    status.textContent = answer.kind === 'ok' ? ct('downloaded') : answer.kind === 'error' ? (answer.body?.message ?? String(answer.status)) : ct('networkError');
  });
  const head = (key: ConsoleTextKey) => el('th', { scope: 'col' }, ct(key));
  const table = el(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'fund-ledger-title' },
    el(
      'table',
      { id: 'ledger-table' },
      el('thead', {}, el('tr', {}, head('ledgerSeq'), head('ledgerAt'), head('ledgerKind'), head('ledgerAmount'), head('ledgerCase'))),
      el(
        'tbody',
        {},
        ...page.items.map((e) =>
          el('tr', { 'data-seq': String(e.seq), 'data-kind': e.kind }, el('td', {}, String(e.seq)), el('td', {}, chinaDateTime(e.at)), el('td', {}, ct(`ledger_${e.kind}`)), el('td', {}, yuan(e.amountFen)), el('td', {}, e.caseId ? caseLink(e.caseId) : '', e.reference ? ` ${e.reference}` : '')),
        ),
      ),
    ),
  );
  const state = params.get('state') ?? undefined;
  return section(
    'fund-ledger',
    'ledger',
    el('div', { class: 'form-actions' }, download),
    status,
    page.items.length === 0 ? el('p', { class: 'muted' }, ct('none')) : table,
    el(
      'p',
      { class: 'form-actions' },
      params.get('cursor') ? el('a', { class: 'button button-secondary', href: hrefOf('fund', { state }, fundId), id: 'ledger-first' }, ct('firstPage')) : null,
      page.cursor ? el('a', { class: 'button button-secondary', href: hrefOf('fund', { state, cursor: page.cursor }, fundId), id: 'ledger-next' }, ct('nextPage')) : null,
    ),
  );
}

export const ledgerPageSize = 20;

export async function renderFund(mount: HTMLElement, session: Session, fundId: string, params: URLSearchParams, notice?: HTMLElement): Promise<void> {
  mount.replaceChildren(el('p', { class: 'card' }, ct('loading')));
  const path = `/v1/funds/${encodeURIComponent(fundId)}`;
  const cursor = params.get('cursor');
  const [fund, payouts, overdue, ledger] = await Promise.all([
    staffCall<FundView>('GET', path),
    staffCall<{ items: PayoutQueueEntry[] }>('GET', `${path}/payouts${params.get('state') ? `?state=${encodeURIComponent(params.get('state')!)}` : ''}`),
    staffCall<{ items: (PayoutQueueEntry & { unrecoveredFen: number })[] }>('GET', `${path}/overdue-recoveries`),
    staffCall<{ items: LedgerEntry[]; cursor?: string }>('GET', `${path}/ledger?limit=${ledgerPageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  ]);
  if (fund.kind === 'unauthorized') return;
  const title = el('h1', { id: 'view-title', tabindex: '-1' }, fund.kind === 'ok' ? fund.value.name : fundId);
  if (fund.kind !== 'ok') return void mount.replaceChildren(el('section', { class: 'card' }, title, answerProblem(fund)));
  const problemOr = <T>(answer: typeof payouts | typeof overdue | typeof ledger, show: (value: T) => HTMLElement) => (answer.kind === 'ok' ? show(answer.value as T) : el('div', { class: 'card' }, answerProblem(answer)));
  const reload = (text: string) => void renderFund(mount, session, fundId, params, el('p', { class: 'notice', role: 'status', id: 'fund-done', tabindex: '-1' }, text));
  mount.replaceChildren(
    el('p', {}, el('a', { href: hrefOf('funds') }, ct('fundsTitle'))),
    notice ?? '',
    el('section', { class: 'card' }, title, el('p', { class: 'muted', translate: 'no' }, `${fund.value.fundId} · ${ct(`kind_${fund.value.kind}`)} · ${fund.value.associationId}`)),
    balance(fund.value),
    problemOr<{ items: PayoutQueueEntry[] }>(payouts, (v) => payoutsSection(fundId, params, v.items)),
    problemOr<{ items: (PayoutQueueEntry & { unrecoveredFen: number })[] }>(overdue, (v) =>
      section('fund-overdue', 'overdueRecoveries', listOrEmpty('overdue-list', v.items.map(payoutItem), el('p', { class: 'muted' }, ct('none')))),
    ),
    problemOr<{ items: LedgerEntry[]; cursor?: string }>(ledger, (v) => ledgerSection(fundId, params, v)),
    session.role === 'admin' ? el('section', { class: 'card' }, depositForm(fundId, reload)) : '',
    session.role === 'admin' ? el('section', { class: 'card' }, fundRegistryForm(fund.value, () => reload(ct('saved')))) : '',
  );
  (notice ?? title).focus();
}
