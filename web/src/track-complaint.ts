import { actOnComplaint, getComplaint, type ConsumerCaseView } from './api/client';
import { handedOver, rememberForTracking } from './shared/handoff';
import { renderActions, type SendOutcome } from './track/actions-view';
import type { ActionBody } from './track/action-forms';
import { renderCase } from './track/case-view';
import { tt } from './track/texts';
import { byId } from './ui/dom';
import { language, t, tooManyAttempts, whenLanguageChanges } from './ui/i18n';
import { startPageShell } from './ui/page-shell';

/**
 * track.html: look a case up by its id and access code, and act on it.
 * Coming from the success page, both are filled in (the id from the URL
 * fragment, the code from this tab's sessionStorage) and the case is shown
 * at once. The code travels only in the X-Access-Code header: the form has
 * no named fields and cannot be submitted before this script enables it.
 */
startPageShell('trackTitle');

const form = byId<HTMLFormElement>('track-form');
const caseIdInput = byId<HTMLInputElement>('track-case-id');
const accessCodeInput = byId<HTMLInputElement>('track-access-code');
const submitButton = byId<HTMLButtonElement>('track-submit');
const statusBox = byId('track-status');
const newsBox = byId('case-news');
const caseMount = byId('case-mount');
submitButton.disabled = false;

let shown: { view: ConsumerCaseView; caseId: string; accessCode: string } | undefined;
let inFlight = false;
/** The messages shown, as functions of the language so a switch re-says them. */
let said: (() => string) | undefined;
let news: (() => string) | undefined;

function say(message: (() => string) | undefined): void {
  said = message;
  statusBox.textContent = message?.() ?? '';
  statusBox.hidden = message === undefined;
}

function tell(message: (() => string) | undefined): void {
  news = message;
  newsBox.textContent = message?.() ?? '';
  newsBox.hidden = message === undefined;
}

function show(view: ConsumerCaseView, caseId: string, accessCode: string): void {
  shown = { view, caseId, accessCode };
  caseMount.replaceChildren(renderCase(view, renderActions(view, send)));
}

whenLanguageChanges(() => {
  if (!inFlight) submitButton.textContent = t('trackSubmit');
  if (shown) show(shown.view, shown.caseId, shown.accessCode);
  if (said) statusBox.textContent = said();
  if (news) newsBox.textContent = news();
});

/** Reads the case again after a 409: the page then shows it as it is now. */
async function reload(): Promise<boolean> {
  if (!shown) return false;
  const answer = await getComplaint(shown.caseId, shown.accessCode, language());
  if (answer.kind === 'ok') show(answer.value, shown.caseId, shown.accessCode);
  return answer.kind === 'ok';
}

async function send(body: ActionBody): Promise<SendOutcome> {
  if (!shown) return { kind: 'message', text: t('errorUnexpected') };
  const { caseId, accessCode } = shown;
  const answer = await actOnComplaint(caseId, accessCode, body, language());
  if (answer.kind === 'ok') {
    show(answer.value, caseId, accessCode);
    tell(() => tt(`done_${body.action}`));
    newsBox.focus();
    return { kind: 'done' };
  }
  if (answer.kind === 'network') return { kind: 'message', text: t('trackNetwork') };
  if (answer.status === 400 && answer.body?.issues) return { kind: 'issues', issues: answer.body.issues };
  if (answer.status === 409) {
    // Someone acted meanwhile (a new offer, the deadline passed): never apply an answer to a case the consumer has not seen.
    if (!(await reload())) return { kind: 'message', text: tt('actionFailed') };
    tell(() => tt('changedMeanwhile'));
    newsBox.focus();
    return { kind: 'done' };
  }
  if (answer.status === 429) return { kind: 'message', text: tooManyAttempts(answer.retryAfterSeconds) };
  if (answer.status === 404) return { kind: 'message', text: t('trackNotFound') };
  return { kind: 'message', text: tt('actionFailed') };
}

async function lookUp(): Promise<void> {
  if (inFlight) return;
  const caseId = caseIdInput.value.trim();
  const accessCode = accessCodeInput.value.replace(/\s+/g, '');
  if (!caseId || !accessCode) {
    say(() => t('trackMissing'));
    (caseId ? accessCodeInput : caseIdInput).focus();
    return;
  }
  say(undefined);
  tell(undefined);
  inFlight = true;
  submitButton.disabled = true;
  submitButton.textContent = t('trackLoading');
  const answer = await getComplaint(caseId, accessCode, language());
  inFlight = false;
  submitButton.disabled = false;
  submitButton.textContent = t('trackSubmit');

  if (answer.kind === 'ok') {
    rememberForTracking(caseId, accessCode);
    history.replaceState(null, '', `#case=${encodeURIComponent(caseId)}`);
    show(answer.value, caseId, accessCode);
    byId('case-title').focus();
    return;
  }
  shown = undefined;
  caseMount.replaceChildren();
  if (answer.kind === 'network') say(() => t('trackNetwork'));
  else if (answer.status === 404) say(() => t('trackNotFound')); // also a wrong code: the API does not tell them apart
  else if (answer.status === 429) say(() => tooManyAttempts(answer.retryAfterSeconds));
  else say(() => t('errorUnexpected'));
  submitButton.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void lookUp();
});

const handed = handedOver(location.hash);
caseIdInput.value = handed.caseId;
accessCodeInput.value = handed.accessCode;
if (handed.caseId && handed.accessCode) void lookUp();
