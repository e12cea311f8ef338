import { depositSchema, fundIdSchema, fundKinds, fundRegistrationSchema, type FundKind } from '../../../functions/domain/funds/fund';
import type { FieldIssue } from '../../../functions/domain/errors';
import { toFieldIssues } from '../../../functions/domain/validation/issues';
import { formatFen, yuanToFen } from '../shared/money';
import { el } from '../ui/dom';
import { language } from '../ui/i18n';
import { staffCall } from './api';
import { ct, type ConsoleTextKey } from './texts';

/**
 * The admin's fund forms: the registry (`PUT /v1/funds/{fundId}`) and a
 * deposit (`POST .../deposits`). Both are checked in the page by the API's
 * own zod schemas; amounts are typed in yuan and sent in fen.
 */
export interface FundRegistryFields {
  fundId: string;
  name: string;
  kind: FundKind;
  associationId: string;
  perCaseLimitFen: number;
}

/** A labelled field with its error line, wired by `aria-describedby` when the error shows. */
function field(prefix: string, name: string, label: ConsoleTextKey, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  control.id = `${prefix}-${name}`;
  control.name = name;
  return el('div', { class: 'field' }, el('label', { for: control.id }, ct(label)), el('p', { class: 'field-error', id: `${prefix}-${name}-error`, hidden: true }), control);
}

function showIssues(form: HTMLFormElement, prefix: string, names: string[], issues: FieldIssue[]): void {
  for (const name of names) {
    const error = form.querySelector<HTMLElement>(`#${prefix}-${name}-error`)!;
    const control = form.elements.namedItem(name) as HTMLElement;
    const issue = issues.find((i) => i.path === name);
    error.hidden = !issue;
    error.textContent = issue?.message ?? '';
    if (issue) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', error.id);
    } else {
      control.removeAttribute('aria-invalid');
      control.removeAttribute('aria-describedby');
    }
  }
  const first = names.find((name) => issues.some((i) => i.path === name));
  if (first) (form.elements.namedItem(first) as HTMLElement).focus();
}

const answerText = (answer: Awaited<ReturnType<typeof staffCall>>) =>
  answer.kind === 'error' ? (answer.body?.message ?? String(answer.status)) : answer.kind === 'network' ? ct('networkError') : ct('expiredTitle');

/** Registers a fund, or changes one (`current`: its fields, the id fixed). */
export function fundRegistryForm(current: FundRegistryFields | undefined, saved: (fundId: string) => void): HTMLFormElement {
  const prefix = 'fund';
  const text = (value = '') => el('input', { autocomplete: 'off', value });
  const kind = el('select', {}, ...fundKinds.map((k) => el('option', { value: k, selected: current?.kind === k }, ct(`kind_${k}`))));
  const fundId = text(current?.fundId);
  if (current) fundId.readOnly = true;
  const status = el('p', { class: 'form-status', id: 'fund-form-status', role: 'status', hidden: true });
  const form = el(
    'form',
    { id: 'fund-form', novalidate: true, 'aria-labelledby': 'fund-form-title' },
    el('h2', { id: 'fund-form-title' }, ct(current ? 'editFund' : 'registerFund')),
    field(prefix, 'fundId', 'fundId', fundId),
    field(prefix, 'name', 'fundName', text(current?.name)),
    field(prefix, 'kind', 'fundKind', kind),
    field(prefix, 'associationId', 'associationId', Object.assign(text(current?.associationId), { inputMode: 'numeric' })),
    field(prefix, 'perCaseLimitFen', 'perCaseLimit', Object.assign(text(current ? formatFen(current.perCaseLimitFen).replace(/,/g, '') : ''), { inputMode: 'decimal', className: 'field-short' })),
    status,
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button button-primary', id: 'fund-submit' }, ct('submit'))),
  );
  const names = ['fundId', 'name', 'kind', 'associationId', 'perCaseLimitFen'];
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const limit = yuanToFen(value('perCaseLimitFen'));
    const entry = { name: value('name'), kind: value('kind'), associationId: value('associationId').trim(), perCaseLimitFen: limit.ok ? limit.fen : undefined };
    const id = fundIdSchema.safeParse(value('fundId').trim());
    const parsed = fundRegistrationSchema.safeParse(entry);
    const issues = [
      ...(id.success ? [] : toFieldIssues(id.error.issues.map((i) => ({ ...i, path: ['fundId'] })), { fundId: value('fundId') }, language())),
      ...(parsed.success ? [] : toFieldIssues(parsed.error.issues, entry, language())).filter((i) => limit.ok || i.path !== 'perCaseLimitFen'),
      ...(limit.ok ? [] : [{ path: 'perCaseLimitFen', message: ct('amountInvalid') }]),
    ];
    showIssues(form, prefix, names, issues);
    if (!id.success || !parsed.success || issues.length > 0) return;
    const answer = await staffCall('PUT', `/v1/funds/${encodeURIComponent(id.data)}`, parsed.data);
    if (answer.kind === 'ok') return saved(id.data);
    if (answer.kind === 'error' && answer.body?.issues) return showIssues(form, prefix, names, answer.body.issues);
    status.hidden = false;
    status.textContent = answerText(answer);
  });
  return form;
}

/**
 * A deposit. Each form gets a fresh Idempotency-Key, kept while the same
 * form is sent again (a retry after a network failure deposits once); a
 * new key only after the deposit went through.
 */
export function depositForm(fundId: string, deposited: (notice: string) => void): HTMLFormElement {
  const prefix = 'deposit';
  let idempotencyKey = crypto.randomUUID();
  const status = el('p', { class: 'form-status', id: 'deposit-status', role: 'status', hidden: true });
  const form = el(
    'form',
    { id: 'deposit-form', novalidate: true, 'aria-labelledby': 'deposit-title', 'data-idempotency-key': idempotencyKey },
    el('h2', { id: 'deposit-title' }, ct('deposit')),
    field(prefix, 'amountFen', 'depositAmount', el('input', { autocomplete: 'off', inputmode: 'decimal', class: 'field-short' })),
    field(prefix, 'reference', 'reference', el('input', { autocomplete: 'off' })),
    status,
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button button-primary', id: 'deposit-submit' }, ct('submit'))),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const amount = yuanToFen(value('amountFen'));
    const entry = { amountFen: amount.ok ? amount.fen : undefined, reference: value('reference') };
    const parsed = depositSchema.safeParse(entry);
    const issues = [...(parsed.success ? [] : toFieldIssues(parsed.error.issues, entry, language())).filter((i) => amount.ok || i.path !== 'amountFen'), ...(amount.ok ? [] : [{ path: 'amountFen', message: ct('amountInvalid') }])];
    showIssues(form, prefix, ['amountFen', 'reference'], issues);
    if (!parsed.success || issues.length > 0) return;
    const answer = await staffCall<{ entry: { seq: number; amountFen: number } }>('POST', `/v1/funds/${encodeURIComponent(fundId)}/deposits`, parsed.data, { 'Idempotency-Key': idempotencyKey });
    if (answer.kind === 'ok') {
      idempotencyKey = crypto.randomUUID();
      form.dataset.idempotencyKey = idempotencyKey;
      return deposited(ct('deposited', { amount: formatFen(answer.value.entry.amountFen), seq: answer.value.entry.seq }));
    }
    if (answer.kind === 'error' && answer.body?.issues) return showIssues(form, prefix, ['amountFen', 'reference'], answer.body.issues);
    status.hidden = false;
    status.textContent = answerText(answer);
  });
  return form;
}
