import { validateComplaint } from '../../functions/domain/complaints/intake-schema';
import type { FieldIssue } from '../../functions/domain/errors';
import { fileComplaint, type ApiAnswer, type FiledComplaint } from './api/client';
import { buildComplaintForm } from './complaint/complaint-form';
import { IdempotencyKey } from './complaint/idempotency-key';
import { clearIssues, fieldFor, showIssues } from './complaint/issues-view';
import { renderSuccess } from './complaint/success-view';
import { chinaToday } from './shared/china-time';
import { rememberForTracking } from './shared/handoff';
import { byId } from './ui/dom';
import { language, t, tooManyAttempts, whenLanguageChanges } from './ui/i18n';
import { startPageShell } from './ui/page-shell';

/**
 * index.html: the complaint form. The form is checked with the very function
 * the server uses (`validateComplaint`), so the messages before and after
 * submitting are the same; the server's 400 is shown the same way.
 */
startPageShell('formTitle');

const complaint = buildComplaintForm(chinaToday());
const { form, fields, submitButton, statusBox, summaryBox } = complaint;
byId('complaint-mount').append(form);
const formPage = byId('complaint-page');
const filedMount = byId('filed-mount');
const idempotencyKey = new IdempotencyKey();
let inFlight = false;
let filed: FiledComplaint | undefined;

/** Every issue the browser can find, on the API's paths. */
function check(): { body: Record<string, unknown>; issues: FieldIssue[] } {
  const { body, formIssues } = complaint.read();
  // "Today" is taken at each check: a form left open overnight gets a new one.
  const result = validateComplaint(body, chinaToday(), language());
  const schemaIssues = result.ok ? [] : result.issues;
  const typedWrong = new Set(formIssues.map((issue) => issue.path));
  return { body, issues: [...formIssues, ...schemaIssues.filter((issue) => !typedWrong.has(issue.path))] };
}

function hasTypedValue(control: HTMLElement): boolean {
  if (control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')) return false;
  return (control as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value !== '';
}

/** Re-checks one field when the person leaves it, once it has a value or a message. */
function recheck(path: string): void {
  const field = fields.get(path);
  if (!field) return;
  // Leaving an empty field is not an error yet: the person may just be moving through the form.
  if (!complaint.controlsOf(path).some(hasTypedValue) && !field.hasError()) return;
  const issue = check().issues.find((candidate) => fieldFor(candidate.path, fields) === field);
  field.setError(issue?.message);
}

for (const path of fields.keys()) {
  for (const control of complaint.controlsOf(path)) {
    control.addEventListener('blur', () => recheck(path));
    // Once a field shows a message, it follows every edit, so it goes away as soon as the value is right.
    const recheckIfFlagged = () => {
      if (fields.get(path)?.hasError()) recheck(path);
    };
    control.addEventListener('input', recheckIfFlagged);
    control.addEventListener('change', recheckIfFlagged);
  }
}
// A date earlier than the purchase date is a problem of the "known since" field; re-check it when either changes.
byId('field-purchase-date').addEventListener('change', () => recheck('knownSince'));

/** The plain message about the submission as a whole, kept as a function of the language so a switch re-says it. */
let said: (() => string) | undefined;

function say(message: () => string): void {
  said = message;
  statusBox.textContent = message();
  statusBox.hidden = false;
}

/** The issues last shown, to redraw them in the other language. */
let shownIssues: FieldIssue[] = [];

function show(issues: FieldIssue[]): void {
  shownIssues = issues;
  showIssues(issues, fields, summaryBox);
}

whenLanguageChanges(() => {
  if (filed) filedMount.replaceChildren(renderSuccess(filed));
  if (said && !statusBox.hidden) statusBox.textContent = said();
  // What the browser can check is said again in the new language; what only the server knew stays as it was said.
  const checked = check().issues;
  const flagged = [...fields.values()]
    .filter((field) => field.hasError())
    .map((field) => ({ path: field.path, message: checked.find((issue) => fieldFor(issue.path, fields) === field)?.message ?? field.error() ?? '' }));
  if (summaryBox.hidden) {
    for (const issue of flagged) fields.get(issue.path)?.setError(issue.message);
    return;
  }
  shownIssues = [...flagged, ...shownIssues.filter((issue) => !fieldFor(issue.path, fields))];
  showIssues(shownIssues, fields, summaryBox, false);
});

function setBusy(busy: boolean): void {
  inFlight = busy;
  submitButton.disabled = busy;
  submitButton.textContent = t(busy ? 'submitting' : 'submit');
  form.setAttribute('aria-busy', String(busy));
}

function showFiled(result: FiledComplaint): void {
  filed = result;
  rememberForTracking(result.caseId, result.accessCode); // lets "track this complaint" open the case without retyping the code
  formPage.hidden = true;
  filedMount.replaceChildren(renderSuccess(result));
  window.scrollTo(0, 0);
  byId('filed-title').focus();
}

function handleAnswer(answer: ApiAnswer<FiledComplaint>): void {
  if (answer.kind === 'ok') {
    idempotencyKey.renew(); // the next form filled in is a new complaint
    showFiled(answer.value);
    return;
  }
  if (answer.kind === 'network') {
    say(() => t('errorNetwork')); // it may have been filed: the same key is kept for the retry
    return;
  }
  const { status, body, retryAfterSeconds } = answer;
  if (status === 429) {
    say(() => tooManyAttempts(retryAfterSeconds));
    return;
  }
  if (status >= 500) {
    say(() => t('errorServer'));
    return;
  }
  // Any other answer says nothing was filed; what is sent next is a different body.
  idempotencyKey.renew();
  if (status === 400 && body?.issues && body.issues.length > 0) show(body.issues);
  else if (status === 413) say(() => t('errorTooLarge'));
  else if (status === 415) say(() => t('errorUnsupported'));
  else if (body?.error === 'idempotency_key_reused') say(() => t('errorKeyReused'));
  else say(() => t('errorUnexpected'));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (inFlight) return; // a second Enter or click while the first is on its way
  statusBox.hidden = true;
  const { body, issues } = check();
  if (issues.length > 0) {
    show(issues);
    return;
  }
  clearIssues(fields, summaryBox);
  setBusy(true);
  const answer = await fileComplaint(body, idempotencyKey.current(), language());
  setBusy(false);
  handleAnswer(answer);
  if (answer.kind !== 'ok' && !(answer.kind === 'error' && answer.status === 400)) submitButton.focus();
});
