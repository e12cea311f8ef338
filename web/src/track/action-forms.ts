import { consumerActionSchemas, type ConsumerAction } from '../../../functions/domain/cases/action-schemas';
import type { FieldIssue } from '../../../functions/domain/errors';
import { toFieldIssues } from '../../../functions/domain/validation/issues';
import type { ConsumerCaseView } from '../api/client';
import { formatFen } from '../shared/money';
import { el, setDescribedBy } from '../ui/dom';
import { language, t } from '../ui/i18n';
import { tt, type TrackTextKey } from './texts';

/**
 * One form per consumer action. Each is checked in the browser by the very
 * zod schema the API parses the body with (`consumerActionSchemas`), so the
 * page never sends what the API would refuse, and the messages are the
 * API's own words.
 */
export type ActionBody = { action: ConsumerAction; expectedVersion: number } & Record<string, unknown>;

interface FieldSpec {
  /** The body field, also the last part of the control's id. */
  name: 'text' | 'comment' | 'rating';
  label: TrackTextKey;
  required: boolean;
  hint?: TrackTextKey;
  maxLength: number;
}

const textFields: Partial<Record<ConsumerAction, FieldSpec>> = {
  reject_offer: { name: 'text', label: 'rejectText', required: false, maxLength: 2000 },
  withdraw: { name: 'text', label: 'withdrawText', required: false, maxLength: 2000 },
  add_info: { name: 'text', label: 'addInfoText', required: true, hint: 'addInfoHint', maxLength: 5000 },
  rate: { name: 'comment', label: 'ratingComment', required: false, maxLength: 1000 },
};

const controlId = (action: ConsumerAction, name: string) => `action-${action}-${name}`;
const errorId = (action: ConsumerAction, name: string) => `${controlId(action, name)}-error`;

function tag(required: boolean): HTMLElement {
  return el('span', { class: required ? 'tag tag-required' : 'tag' }, t(required ? 'required' : 'optional'));
}

function errorLine(action: ConsumerAction, name: string): HTMLElement {
  return el('p', { class: 'field-error', id: errorId(action, name), hidden: true });
}

function textField(action: ConsumerAction, spec: FieldSpec): HTMLElement {
  const id = controlId(action, spec.name);
  const hintId = `${id}-hint`;
  const textarea = el('textarea', { id, maxlength: String(spec.maxLength), rows: '4', ...(spec.hint ? { 'aria-describedby': hintId } : {}) });
  return el(
    'div',
    { class: 'field', 'data-field': spec.name },
    el('label', { for: id }, tt(spec.label), tag(spec.required)),
    spec.hint ? el('p', { class: 'field-hint', id: hintId }, tt(spec.hint)) : null,
    errorLine(action, spec.name),
    textarea,
  );
}

function ratingField(): HTMLElement {
  const choices = [1, 2, 3, 4, 5].map((n) => {
    const id = `${controlId('rate', 'rating')}-${n}`;
    return el('div', { class: 'choice' }, el('input', { type: 'radio', name: 'rating', id, value: String(n) }), el('label', { for: id }, tt('ratingValue', { n })));
  });
  return el(
    'fieldset',
    { class: 'field field-group', 'data-field': 'rating', id: controlId('rate', 'rating') },
    el('legend', {}, tt('rating'), tag(true)),
    errorLine('rate', 'rating'),
    el('div', { class: 'choice-row' }, ...choices),
  );
}

function introFor(action: ConsumerAction, view: ConsumerCaseView): string | undefined {
  const open = view.offers.find((offer) => offer.status === 'open');
  if (action === 'accept_offer' && open) return tt('acceptIntro', { amount: t('yuanAmount', { amount: formatFen(open.amountFen) }), terms: open.terms });
  if (action === 'reject_offer') return tt('rejectIntro');
  if (action === 'withdraw') return tt('withdrawIntro');
  if (action === 'mute_sms') return tt('muteSmsIntro');
  if (action === 'rate' && view.deadline?.kind === 'rating') return tt('rateIntro', { date: view.deadline.date });
  return undefined;
}

export function actionForm(action: ConsumerAction, view: ConsumerCaseView): HTMLFormElement {
  const spec = textFields[action];
  const intro = introFor(action, view);
  const titleId = `action-${action}-title`;
  return el(
    'form',
    { class: 'action-form', id: `action-form-${action}`, 'data-form': action, 'aria-labelledby': titleId, novalidate: true },
    el('h4', { id: titleId, tabindex: '-1' }, tt(`action_${action}`)),
    intro ? el('p', { class: 'action-intro' }, intro) : null,
    action === 'rate' ? ratingField() : null,
    spec ? textField(action, spec) : null,
    el('p', { class: 'form-status', id: `action-${action}-status`, role: 'alert', hidden: true }),
    el(
      'div',
      { class: 'form-actions' },
      el('button', { type: 'submit', class: 'button button-primary', id: `action-${action}-submit` }, tt(`confirm_${action}`)),
      el('button', { type: 'button', class: 'button button-secondary', 'data-cancel': action }, tt('cancel')),
    ),
  );
}

/** The body the form stands for: empty optional texts are left out, as the API expects. */
export function bodyOf(form: HTMLFormElement, action: ConsumerAction, version: number): ActionBody {
  const body: ActionBody = { action, expectedVersion: version };
  for (const textarea of form.querySelectorAll('textarea')) {
    const name = textarea.closest<HTMLElement>('[data-field]')?.dataset.field;
    if (name && textarea.value.trim() !== '') body[name] = textarea.value;
  }
  const rating = form.querySelector<HTMLInputElement>('input[name="rating"]:checked');
  if (action === 'rate') body.rating = rating ? Number(rating.value) : undefined;
  return body;
}

/** The API's schema decides; the issues carry the API's own messages in the page language. */
export function checkBody(body: ActionBody): FieldIssue[] {
  const parsed = consumerActionSchemas[body.action].safeParse(body);
  return parsed.success ? [] : toFieldIssues(parsed.error.issues, body, language());
}

/** Shows each issue beside its field (or in the form's status line) and focuses the first field to fix. */
export function showIssues(form: HTMLFormElement, action: ConsumerAction, issues: readonly FieldIssue[]): void {
  const byField = new Map(issues.map((issue) => [issue.path.split('.')[0] ?? '', issue.message]));
  let first: HTMLElement | undefined;
  for (const field of form.querySelectorAll<HTMLElement>('[data-field]')) {
    const name = field.dataset.field!;
    const message = byField.get(name);
    byField.delete(name);
    const line = form.querySelector<HTMLElement>(`#${errorId(action, name)}`)!;
    line.textContent = message ?? '';
    line.hidden = message === undefined;
    field.classList.toggle('has-error', message !== undefined);
    const controls = field.querySelectorAll<HTMLElement>('textarea, input');
    for (const control of controls) {
      if (message === undefined) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
      setDescribedBy(control, line.id, message !== undefined);
    }
    if (message !== undefined) first ??= controls[0];
  }
  // Anything not tied to a field of this form (a stray field, the version) goes in the status line.
  const rest = [...byField.values()];
  showStatus(form, action, rest.length > 0 ? rest.join(' ') : undefined);
  first?.focus();
}

export function showStatus(form: HTMLFormElement, action: ConsumerAction, message: string | undefined): void {
  const status = form.querySelector<HTMLElement>(`#action-${action}-status`)!;
  status.textContent = message ?? '';
  status.hidden = message === undefined;
}
