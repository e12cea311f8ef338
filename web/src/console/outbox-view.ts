import type { OutboxEntry } from '../../../functions/messaging/outbox';
import { chinaDateTime } from '../shared/china-time';
import { el } from '../ui/dom';
import { staffCall } from './api';
import { answerProblem } from './problems';
import { ct } from './texts';

/**
 * The local stack's outbox (SPEC section 10): what the service "sent" by SMS
 * and e-mail to one phone or address, for admins trying the service locally.
 * Deployed stacks send for real and have no outbox, so the page is offered
 * only when the console signs in locally.
 */
export function renderOutbox(mount: HTMLElement): void {
  const to = el('input', { id: 'outbox-to', type: 'text', inputmode: 'email', autocomplete: 'off', required: '' });
  const results = el('div', { id: 'outbox-messages', 'aria-live': 'polite' });
  const form = el(
    'form',
    { id: 'outbox-form', novalidate: '' },
    el('label', { for: 'outbox-to' }, ct('outboxTo')),
    to,
    el('button', { type: 'submit', class: 'button' }, ct('outboxShow')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await staffCall<{ to: string; messages: OutboxEntry[] }>('GET', `/v1/admin/outbox?to=${encodeURIComponent(to.value.trim())}`);
    if (answer.kind !== 'ok') return void results.replaceChildren(answerProblem(answer));
    const { messages } = answer.value;
    results.replaceChildren(
      messages.length === 0
        ? el('p', {}, ct('none'))
        : el(
            'ul',
            { class: 'case-list' },
            ...messages.map((message) =>
              el(
                'li',
                { class: 'case-item', 'data-kind': message.kind },
                el('p', { class: 'muted' }, `${chinaDateTime(message.sentAt)} · ${message.channel === 'sms' ? ct('outboxSms') : ct('outboxEmail')} · ${message.kind}`),
                el('p', {}, message.text),
              ),
            ),
          ),
    );
  });
  mount.replaceChildren(el('section', { class: 'card' }, el('h1', { id: 'view-title', tabindex: '-1' }, ct('outboxTitle')), el('p', { class: 'muted' }, ct('outboxNote')), form, results));
}
