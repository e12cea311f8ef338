import type { ConsumerAction } from '../../../functions/domain/cases/action-schemas';
import type { FieldIssue } from '../../../functions/domain/errors';
import { consumerActions } from '../../../functions/domain/lifecycle';
import type { ConsumerCaseView } from '../api/client';
import { el } from '../ui/dom';
import { actionForm, bodyOf, checkBody, showIssues, showStatus, type ActionBody } from './action-forms';
import { tt } from './texts';

/**
 * "What you can do now": one button per action the consumer view's
 * `allowedActions` lists (never one the API would refuse), each carrying
 * `data-action`; a button opens its form below the buttons.
 */
export type SendOutcome = { kind: 'done' } | { kind: 'issues'; issues: FieldIssue[] } | { kind: 'message'; text: string };
export type Send = (body: ActionBody) => Promise<SendOutcome>;

const isConsumerAction = (action: string): action is ConsumerAction => (consumerActions as readonly string[]).includes(action);

export function renderActions(view: ConsumerCaseView, send: Send): HTMLElement {
  const actions = view.allowedActions.filter(isConsumerAction);
  const panel = el('div', { class: 'action-panel', id: 'action-panel' });
  const buttons = actions.map((action) =>
    el(
      'button',
      { type: 'button', class: action === 'withdraw' ? 'button button-secondary button-caution' : 'button button-secondary', 'data-action': action, 'aria-expanded': 'false', 'aria-controls': 'action-panel' },
      tt(`action_${action}`),
    ),
  );

  function close(): void {
    panel.replaceChildren();
    for (const button of buttons) button.setAttribute('aria-expanded', 'false');
  }

  function open(action: ConsumerAction, button: HTMLButtonElement): void {
    close();
    button.setAttribute('aria-expanded', 'true');
    const form = actionForm(action, view);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void submit(form, action);
    });
    form.querySelector('[data-cancel]')!.addEventListener('click', () => {
      close();
      button.focus();
    });
    panel.append(form);
    form.querySelector<HTMLElement>('h4')!.focus();
  }

  async function submit(form: HTMLFormElement, action: ConsumerAction): Promise<void> {
    const submitButton = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    if (submitButton.disabled) return; // one answer per press, even for a double click
    const body = bodyOf(form, action, view.version);
    const issues = checkBody(body);
    showIssues(form, action, issues);
    if (issues.length > 0) return;
    submitButton.disabled = true;
    submitButton.textContent = tt('sending');
    const outcome = await send(body);
    if (outcome.kind === 'done') return; // the page shows the case anew
    submitButton.disabled = false;
    submitButton.textContent = tt(`confirm_${action}`);
    if (outcome.kind === 'issues') showIssues(form, action, outcome.issues);
    else showStatus(form, action, outcome.text);
  }

  buttons.forEach((button, index) => button.addEventListener('click', () => open(actions[index]!, button)));
  return el(
    'section',
    { class: 'case-actions', id: 'case-actions', 'aria-labelledby': 'case-actions-title' },
    el('h3', { id: 'case-actions-title' }, tt('actionsTitle')),
    actions.length > 0 ? el('div', { class: 'action-buttons' }, ...buttons) : el('p', { id: 'case-actions-none' }, tt('actionsNone')),
    panel,
  );
}
