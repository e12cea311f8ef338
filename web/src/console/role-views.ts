import type { CollectiveCandidateList } from '../../../functions/services/collective/list-candidates';
import { merchantRegistrationSchema } from '../../../functions/domain/merchants/merchant-schema';
import type { SafetyReport } from '../../../functions/store/safety-store';
import { scheduledJobs } from '../../../functions/routes';
import { toFieldIssues } from '../../../functions/domain/validation/issues';
import { chinaDateTime } from '../shared/china-time';
import { el, listOrEmpty } from '../ui/dom';
import { language } from '../ui/i18n';
import { categoryLabel, issueLabel, regionLabel, statusLabel, stepLabel } from '../ui/code-labels';
import { staffCall } from './api';
import { answerProblem } from './problems';
import { hrefOf } from './router';
import { ct, type ConsoleTextKey } from './texts';

/**
 * The pages beside the queue, per role (SPEC section 8): collective
 * candidates (mediators), safety reports (regulators), the merchant
 * registry and jobs (admins). Disclosure candidates and the payout queue are
 * the queue with a fixed filter (see console.ts).
 */
function page(mount: HTMLElement, title: ConsoleTextKey): HTMLElement {
  const body = el('div', { id: 'view-body', 'aria-live': 'polite' }, el('p', {}, ct('loading')));
  mount.replaceChildren(el('section', { class: 'card' }, el('h1', { id: 'view-title', tabindex: '-1' }, ct(title)), body));
  return body;
}

const caseLink = (caseId: string) => el('a', { href: hrefOf('case', undefined, caseId), translate: 'no' }, caseId);

export async function renderCollective(mount: HTMLElement): Promise<void> {
  const body = page(mount, 'collectiveTitle');
  const answer = await staffCall<CollectiveCandidateList>('GET', '/v1/collective-candidates');
  if (answer.kind !== 'ok') return void body.replaceChildren(answerProblem(answer));
  const { items, window } = answer.value;
  body.replaceChildren(
    el('p', { class: 'muted' }, `${window.from} – ${window.to}`),
    listOrEmpty(
      'collective-list',
      items.map((group) =>
        el(
          'li',
          { class: 'case-item' },
          el('strong', {}, `${group.merchant.name} · ${categoryLabel(group.category)} · ${ct('cases', { count: group.caseCount })}`),
          el('ul', {}, ...group.cases.map((c) => el('li', {}, caseLink(c.caseId), ` ${statusLabel(c.status)}${c.step ? ` · ${stepLabel(c.step)}` : ''}`))),
        ),
      ),
      el('p', {}, ct('none')),
    ),
  );
}

export async function renderSafetyReports(mount: HTMLElement, cursor: string | null): Promise<void> {
  const body = page(mount, 'safetyTitle');
  const answer = await staffCall<{ items: SafetyReport[]; cursor?: string }>('GET', `/v1/safety-reports${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
  if (answer.kind !== 'ok') return void body.replaceChildren(answerProblem(answer));
  body.replaceChildren(
    answer.value.items.length === 0 ? el('p', {}, ct('none')) : '',
    el(
      'ul',
      { class: 'case-list', id: 'safety-list' },
      ...answer.value.items.map((report) =>
        el(
          'li',
          { class: 'case-item' },
          caseLink(report.caseId),
          el('span', {}, `${chinaDateTime(report.reportedAt)} · ${regionLabel(report.regionCode)}`),
          el('span', {}, `${report.merchant.name} · ${categoryLabel(report.category)} · ${issueLabel(report.issue)}`),
          report.injuryDescription ? el('span', { class: 'timeline-reason' }, report.injuryDescription) : null,
        ),
      ),
    ),
    answer.value.cursor ? el('a', { class: 'button button-secondary', href: hrefOf('safety', { cursor: answer.value.cursor }) }, ct('nextPage')) : '',
  );
}

export function renderMerchantRegistry(mount: HTMLElement): void {
  const body = page(mount, 'merchantsTitle');
  const text = (id: string, label: ConsoleTextKey) => el('div', { class: 'field' }, el('label', { for: id }, ct(label)), el('p', { class: 'field-error', id: `${id}-error`, hidden: true }), el('input', { id, name: id.replace('merchant-', ''), autocomplete: 'off' }));
  const check = (id: string, label: ConsoleTextKey) => el('div', { class: 'field-check' }, el('input', { type: 'checkbox', id, name: id.replace('merchant-', '') }), el('label', { for: id }, ct(label)));
  const status = el('p', { class: 'form-status', id: 'merchant-status', role: 'status', hidden: true });
  const form = el(
    'form',
    { id: 'merchant-form', novalidate: true },
    text('merchant-creditCode', 'merchant'),
    text('merchant-name', 'merchantName'),
    text('merchant-regionCode', 'regionCode'),
    check('merchant-odr', 'odr'),
    check('merchant-offlineNoReasonReturn', 'noReasonReturn'),
    status,
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button button-primary' }, ct('submit'))),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement);
    const entry = { name: value('name').value, regionCode: value('regionCode').value.trim(), odr: value('odr').checked, offlineNoReasonReturn: value('offlineNoReasonReturn').checked };
    const parsed = merchantRegistrationSchema.safeParse(entry);
    const issues = parsed.success ? [] : toFieldIssues(parsed.error.issues, entry, language());
    for (const name of ['creditCode', 'name', 'regionCode']) {
      const error = form.querySelector<HTMLElement>(`#merchant-${name}-error`)!;
      const issue = issues.find((i) => i.path === name);
      error.hidden = !issue;
      error.textContent = issue?.message ?? '';
    }
    if (issues.length > 0) return;
    const answer = await staffCall('PUT', `/v1/merchants/${encodeURIComponent(value('creditCode').value.trim())}`, entry);
    status.hidden = false;
    status.textContent = answer.kind === 'ok' ? ct('saved') : answer.kind === 'error' ? (answer.body?.issues?.map((i) => `${i.path}: ${i.message}`).join(' ') ?? answer.body?.message ?? '') : ct('networkError');
  });
  body.replaceChildren(form);
}

export function renderJobs(mount: HTMLElement): void {
  const body = page(mount, 'jobsTitle');
  const output = el('pre', { id: 'job-output', class: 'job-output', 'aria-live': 'polite' });
  body.replaceChildren(
    el(
      'ul',
      { class: 'case-list' },
      ...scheduledJobs.map(({ job, everyMinutes }) => {
        const run = el('button', { type: 'button', class: 'button button-secondary', 'data-job': job }, `${ct('runJob')}: ${job}`);
        run.addEventListener('click', async () => {
          const answer = await staffCall('POST', `/v1/admin/jobs/${encodeURIComponent(job)}`);
          output.textContent = answer.kind === 'ok' ? JSON.stringify(answer.value, null, 2) : answer.kind === 'error' ? (answer.body?.message ?? String(answer.status)) : ct('networkError');
        });
        return el('li', { class: 'case-item' }, run, el('span', { class: 'muted' }, `${everyMinutes} min`));
      }),
    ),
    output,
  );
}
