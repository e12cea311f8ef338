import type { FieldIssue } from '../../../functions/domain/errors';
import { el } from '../ui/dom';
import { t } from '../ui/i18n';
import type { FieldHandle } from './fields';

/**
 * Shows validation issues the same way whether the browser found them or the
 * server did: each message next to its field, and a summary at the top of
 * the form (role=alert, so it is announced) that links to every field.
 */

/** The field an API path belongs to: itself, or the first field inside it (`injury` -> `injury.occurred`). */
export function fieldFor(path: string, fields: Map<string, FieldHandle>): FieldHandle | undefined {
  return fields.get(path) ?? [...fields.values()].find((field) => field.path.startsWith(`${path}.`));
}

export function clearIssues(fields: Map<string, FieldHandle>, summaryBox: HTMLElement): void {
  for (const field of fields.values()) field.setError(undefined);
  summaryBox.hidden = true;
  summaryBox.replaceChildren();
}

/**
 * Shows the issues and moves focus to the first field that needs fixing (in
 * the form's order); `moveFocus: false` only redraws them (a language switch).
 */
export function showIssues(issues: readonly FieldIssue[], fields: Map<string, FieldHandle>, summaryBox: HTMLElement, moveFocus = true): void {
  clearIssues(fields, summaryBox);
  const order = [...fields.keys()];
  const placed = issues.map((issue) => ({ issue, field: fieldFor(issue.path, fields) }));
  placed.sort((a, b) => (a.field ? order.indexOf(a.field.path) : order.length) - (b.field ? order.indexOf(b.field.path) : order.length));

  const items: HTMLElement[] = [];
  for (const { issue, field } of placed) {
    if (field && !field.hasError()) field.setError(issue.message);
    const text = t('summaryItem', { field: field ? field.name() : issue.path, message: issue.message });
    if (field) {
      const link = el('a', { href: `#${field.focusTarget.id}` }, text);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        focusField(field);
      });
      items.push(el('li', {}, link));
    } else {
      items.push(el('li', {}, text));
    }
  }
  const title = issues.length === 1 ? t('errorSummaryTitleOne') : t('errorSummaryTitle', { count: issues.length });
  summaryBox.replaceChildren(el('h2', { class: 'error-summary-title' }, title), el('ul', {}, ...items));
  summaryBox.hidden = false;

  if (!moveFocus) return;
  const first = placed.find((p) => p.field)?.field;
  if (first) focusField(first);
  else summaryBox.focus();
}

export function focusField(field: FieldHandle): void {
  field.focusTarget.focus({ preventScroll: true });
  // The label and message sit above the control: bring them into view with it.
  (field.focusTarget.closest('.field') ?? field.focusTarget).scrollIntoView({ block: 'center' });
}
