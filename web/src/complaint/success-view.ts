import type { FiledComplaint } from '../api/client';
import { trackingLink } from '../shared/handoff';
import { deadlineKindLabel, statusLabel } from '../ui/code-labels';
import { el } from '../ui/dom';
import { t } from '../ui/i18n';
import type { TextKey } from '../ui/texts';

/**
 * What the person sees once the complaint is filed: the case number and the
 * access code, large and easy to copy, because the code is shown only once.
 */
async function copyText(text: string, source: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (older browsers, non-secure origins): select it so Ctrl+C works.
    const selection = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(source);
    selection?.removeAllRanges();
    selection?.addRange(range);
    return false;
  }
}

function secretRow(id: string, label: TextKey, value: string, copyLabel: TextKey): HTMLElement {
  const valueElement = el('p', { class: 'secret-value', id, translate: 'no' }, value);
  const feedback = el('span', { class: 'copy-feedback', role: 'status' });
  const button = el('button', { type: 'button', class: 'button button-secondary copy-button', 'aria-label': t(copyLabel) }, t('copy'));
  button.addEventListener('click', async () => {
    const copied = await copyText(value, valueElement);
    feedback.textContent = t(copied ? 'copied' : 'copyFailed');
  });
  return el(
    'div',
    { class: 'secret-row' },
    el('p', { class: 'secret-label', id: `${id}-label` }, t(label)),
    el('div', { class: 'secret-line' }, valueElement, button),
    feedback,
  );
}

export function renderSuccess(filed: FiledComplaint): HTMLElement {
  const deadline = filed.deadline
    ? el(
        'p',
        { class: 'success-deadline', id: 'filed-deadline' },
        filed.deadline.kind === 'acceptance'
          ? t('successDeadline', { date: filed.deadline.date })
          : t('deadlineBy', { kind: deadlineKindLabel(filed.deadline.kind), date: filed.deadline.date }),
        filed.deadline.provisional ? el('span', { class: 'provisional' }, ' ', t('provisional')) : null,
      )
    : null;
  return el(
    'section',
    { class: 'card success', id: 'filed', 'aria-labelledby': 'filed-title' },
    el('h1', { id: 'filed-title', tabindex: '-1' }, t('successTitle')),
    el('p', { class: 'notice notice-important' }, t('successKeep')),
    el('div', { class: 'secrets' }, secretRow('filed-case-id', 'caseId', filed.caseId, 'copyCaseId'), secretRow('filed-access-code', 'accessCode', filed.accessCode, 'copyAccessCode')),
    el('p', { class: 'success-status' }, t('successStatus'), el('strong', { id: 'filed-status' }, statusLabel(filed.status))),
    deadline,
    el(
      'div',
      { class: 'form-actions' },
      el('a', { class: 'button button-primary', href: trackingLink(filed.caseId), id: 'track-link' }, t('trackThis')),
      el('a', { class: 'button button-link', href: 'index.html' }, t('fileAnother')),
    ),
  );
}
