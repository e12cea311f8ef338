import * as z from 'zod';
import { parseStaffAction, staffActionSchemas, type StaffAction } from '../../../functions/domain/cases/action-schemas';
import { ValidationError, type FieldIssue } from '../../../functions/domain/errors';
import { refusalReasons } from '../../../functions/reference';
import { formatFen, yuanToFen } from '../shared/money';
import { el } from '../ui/dom';
import { language, pick } from '../ui/i18n';
import { staffCall } from './api';
import { payoutExceedsText } from './fund-limits';
import { actionLabel, ct, fieldLabel } from './texts';

/**
 * One form per action, built from the action's own zod schema and checked
 * by `parseStaffAction`, the function the API parses with: the form cannot
 * send what the API would refuse, and says why in the same words. Amounts
 * are typed in yuan (two decimals) and sent in fen.
 */
const booleanFields = new Set(['exchange', 'repair', 'apology']);
const isAmount = (name: string) => name.endsWith('Fen');

interface Suggestion {
  basis: string;
  article: string;
  formula: string;
  amountFen: number;
}

function fieldNames(action: StaffAction): string[] {
  return Object.keys(staffActionSchemas[action].shape).filter((name) => name !== 'action' && name !== 'expectedVersion');
}

function isRequired(action: StaffAction, name: string): boolean {
  return !(staffActionSchemas[action].shape[name] as z.ZodType).safeParse(undefined).success;
}

function input(action: StaffAction, name: string): HTMLElement {
  const id = `action-${name}`;
  if (booleanFields.has(name)) return el('input', { type: 'checkbox', id, name });
  if (name === 'reason') return el('select', { id, name }, el('option', { value: '' }, '—'), ...refusalReasons.map((r) => el('option', { value: r.code }, pick(r.label))));
  if (isAmount(name)) return el('input', { id, name, inputmode: 'decimal', autocomplete: 'off', class: 'field-short' });
  return el('textarea', { id, name, rows: name === 'terms' ? '2' : '3', required: isRequired(action, name) });
}

export interface ActionFormOptions {
  caseId: string;
  version: number;
  action: StaffAction;
  /** After a 2xx: the case as the API now answers it. */
  done: () => void;
  /** After a 409 stale_version: nothing was changed; show what changed and reload. */
  stale: () => void;
}

export function actionForm(options: ActionFormOptions): HTMLFormElement {
  const { action, caseId } = options;
  const names = fieldNames(action);
  const errors = new Map<string, HTMLElement>();
  const status = el('div', { class: 'form-status', id: 'action-status', role: 'alert', hidden: true });
  const fields = names.map((name) => {
    const control = input(action, name);
    const error = el('p', { class: 'field-error', id: `action-${name}-error`, hidden: true });
    errors.set(name, error);
    const label = `${fieldLabel(name)}${isRequired(action, name) && !booleanFields.has(name) ? ` (${pick({ 'zh-CN': '必填', en: 'required' })})` : ''}`;
    return booleanFields.has(name)
      ? el('div', { class: 'field-check' }, control, el('label', { for: control.id }, label))
      : el('div', { class: 'field' }, el('label', { for: control.id }, label), error, control);
  });
  const cancel = el('button', { type: 'button', class: 'button button-secondary', id: 'action-cancel' }, ct('cancel'));
  const form = el(
    'form',
    { class: 'action-form card', id: `form-${action}`, novalidate: true, 'aria-labelledby': 'action-form-title' },
    el('h2', { id: 'action-form-title' }, actionLabel(action)),
    ...fields,
    status,
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'button button-primary', id: 'action-submit' }, ct('submit')), cancel),
  );
  cancel.addEventListener('click', () => form.dispatchEvent(new Event('cancel')));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') form.dispatchEvent(new Event('cancel'));
  });
  if (names.includes('amountFen') && (action === 'propose_offer' || action === 'make_offer')) void addSuggestions(form, caseId);

  const showIssues = (issues: FieldIssue[]) => {
    for (const [name, error] of errors) {
      const issue = issues.find((i) => i.path === name || i.path.startsWith(`${name}.`));
      const control = form.elements.namedItem(name) as HTMLElement | null;
      error.hidden = !issue;
      error.textContent = issue?.message ?? '';
      if (issue) control?.setAttribute('aria-invalid', 'true');
      else control?.removeAttribute('aria-invalid');
      if (issue) control?.setAttribute('aria-describedby', error.id);
    }
    status.hidden = issues.length === 0;
    status.textContent = issues.length > 0 ? ct('fixErrors') : '';
    const first = issues.map((i) => form.elements.namedItem(i.path.split('.')[0]!)).find((c): c is HTMLInputElement => c instanceof HTMLElement);
    first?.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body: Record<string, unknown> = { action, expectedVersion: options.version };
    const local: FieldIssue[] = [];
    for (const name of names) {
      const control = form.elements.namedItem(name) as HTMLInputElement;
      if (booleanFields.has(name)) {
        if (control.checked) body[name] = true;
      } else if (isAmount(name)) {
        const parsed = yuanToFen(control.value);
        if (!parsed.ok) local.push({ path: name, message: pick({ 'zh-CN': '请填写金额，最多两位小数，如 199.50', en: 'Enter an amount with at most two decimals, e.g. 199.50' }) });
        else if (parsed.fen !== undefined) body[name] = parsed.fen;
      } else if (control.value.trim() !== '') body[name] = control.value;
    }
    if (local.length > 0) return showIssues(local);
    try {
      parseStaffAction(body, language());
    } catch (error) {
      if (error instanceof ValidationError) return showIssues(error.issues);
      throw error;
    }
    showIssues([]);
    const answer = await staffCall('POST', `/v1/cases/${encodeURIComponent(caseId)}/actions`, body);
    if (answer.kind === 'ok') return options.done();
    if (answer.kind === 'error' && answer.body?.error === 'stale_version') return options.stale();
    if (answer.kind === 'error' && answer.body?.issues) return showIssues(answer.body.issues);
    status.hidden = false;
    status.textContent = payoutExceedsText(answer) ?? (answer.kind === 'error' ? (answer.body?.message ?? String(answer.status)) : ct('networkError'));
  });
  return form;
}

/** Statutory suggestions for an offer; nothing at all when the endpoint is absent or says nothing. */
async function addSuggestions(form: HTMLFormElement, caseId: string): Promise<void> {
  const answer = await staffCall<{ suggestions: Suggestion[] }>('GET', `/v1/cases/${encodeURIComponent(caseId)}/compensation`);
  if (answer.kind !== 'ok' || !Array.isArray(answer.value.suggestions) || answer.value.suggestions.length === 0) return;
  const amount = form.elements.namedItem('amountFen') as HTMLInputElement;
  const list = el(
    'ul',
    { class: 'suggestions', id: 'compensation-suggestions' },
    ...answer.value.suggestions.map((s) => {
      const use = el('button', { type: 'button', class: 'button button-link', 'data-amount-fen': String(s.amountFen) }, ct('useSuggestion', { amount: formatFen(s.amountFen) }));
      use.addEventListener('click', () => {
        amount.value = formatFen(s.amountFen).replace(/,/g, '');
        amount.focus();
      });
      return el('li', {}, el('strong', {}, s.article), ` ${s.formula} = ¥${formatFen(s.amountFen)} `, use);
    }),
  );
  amount.closest('.field')?.after(el('div', { class: 'notice' }, el('p', {}, ct('suggestions')), list));
}
