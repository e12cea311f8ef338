import { getComplaint, type ConsumerCaseView } from './api/client';
import { handedOver, rememberForTracking } from './shared/handoff';
import { renderCase } from './track/case-view';
import { byId } from './ui/dom';
import { language, t, tooManyAttempts, whenLanguageChanges } from './ui/i18n';
import { startPageShell } from './ui/page-shell';

/**
 * track.html: look a case up by its id and access code. Coming from the
 * success page, both are filled in (the id from the URL fragment, the code
 * from this tab's sessionStorage) and the case is shown at once.
 */
startPageShell('trackTitle');

const form = byId<HTMLFormElement>('track-form');
const caseIdInput = byId<HTMLInputElement>('track-case-id');
const accessCodeInput = byId<HTMLInputElement>('track-access-code');
const submitButton = byId<HTMLButtonElement>('track-submit');
const statusBox = byId('track-status');
const caseMount = byId('case-mount');
let shown: ConsumerCaseView | undefined;
let inFlight = false;
/** The message shown about the last look-up, as a function of the language so a switch re-says it. */
let said: (() => string) | undefined;

function say(message: (() => string) | undefined): void {
  said = message;
  statusBox.textContent = message?.() ?? '';
  statusBox.hidden = message === undefined;
}

whenLanguageChanges(() => {
  if (!inFlight) submitButton.textContent = t('trackSubmit');
  if (shown) caseMount.replaceChildren(renderCase(shown));
  if (said) statusBox.textContent = said();
});

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
  inFlight = true;
  submitButton.disabled = true;
  submitButton.textContent = t('trackLoading');
  const answer = await getComplaint(caseId, accessCode, language());
  inFlight = false;
  submitButton.disabled = false;
  submitButton.textContent = t('trackSubmit');

  if (answer.kind === 'ok') {
    shown = answer.value;
    rememberForTracking(caseId, accessCode);
    history.replaceState(null, '', `#case=${encodeURIComponent(caseId)}`);
    caseMount.replaceChildren(renderCase(shown));
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
