import { el } from '../ui/dom';
import type { StaffAnswer } from './api';
import { ct } from './texts';

/** What a failed call means to the person looking at the page. */
export function answerProblem(answer: Exclude<StaffAnswer<unknown>, { kind: 'ok' }>): HTMLElement {
  const text =
    answer.kind === 'network'
      ? ct('networkError')
      : answer.kind === 'unauthorized'
        ? ct('expiredTitle')
        : answer.status === 403
          ? ct('forbidden')
          : answer.status === 404
            ? ct('notFound')
            : (answer.body?.message ?? ct('networkError'));
  return el('p', { class: 'form-status', role: 'alert' }, text);
}
