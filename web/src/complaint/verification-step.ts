import { mobilePhoneSchema } from '../../../functions/domain/complaints/intake-schema';
import { requestVerification } from '../api/client';
import { el } from '../ui/dom';
import { language, t, whenLanguageChanges } from '../ui/i18n';
import { textField, type FieldHandle } from './fields';

/**
 * "获取验证码" (SPEC section 10): a button that texts a code to the phone
 * typed above, a 60-second countdown before the next request (or the wait
 * the API names on 429), and the code field. The countdown and the outcome
 * are announced politely (aria-live), and the button stays reachable by
 * keyboard; while it waits it is disabled and says why.
 */
export interface VerificationStep {
  row: HTMLElement;
  handle: FieldHandle;
  controls: HTMLElement[];
  /** `{verificationId, code}` once a code was asked for and typed; else undefined. */
  value(): { verificationId: string; code: string } | undefined;
}

export function verificationStep(phoneControl: HTMLInputElement): VerificationStep {
  const code = textField({ path: 'verification', label: 'verificationCode', hint: 'verificationHint', inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: 6, className: 'field-short' });
  const button = el('button', { type: 'button', class: 'button', id: 'field-verification-request' });
  const status = el('p', { class: 'field-hint', id: 'verification-status', 'aria-live': 'polite', role: 'status' });
  let verificationId: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let message: () => string = () => '';

  const label = () => (button.textContent = t('getVerificationCode'));
  whenLanguageChanges(() => {
    label();
    status.textContent = message();
  });

  function say(text: () => string) {
    message = text;
    status.textContent = text();
  }

  function countDown(seconds: number, sent: boolean) {
    if (timer) clearInterval(timer);
    let left = seconds;
    button.disabled = true;
    const show = () => say(() => t(sent ? 'verificationSent' : 'verificationWait', { seconds: left }));
    show();
    timer = setInterval(() => {
      left -= 1;
      // Announce every 10 s, not every second: a screen reader would speak nothing else.
      if (left <= 0) {
        clearInterval(timer);
        button.disabled = false;
        say(() => t('verificationResend'));
      } else if (left % 10 === 0) show();
    }, 1000);
  }

  button.addEventListener('click', async () => {
    const phone = mobilePhoneSchema.safeParse(phoneControl.value);
    if (!phone.success) {
      say(() => t('verificationPhoneFirst'));
      phoneControl.focus();
      return;
    }
    button.disabled = true;
    const answer = await requestVerification(phone.data, language());
    if (answer.kind === 'ok') {
      verificationId = answer.value.verificationId;
      countDown(60, true);
      code.control.focus();
    } else if (answer.kind === 'error' && answer.status === 429) {
      countDown(answer.retryAfterSeconds ?? 60, false);
    } else {
      button.disabled = false;
      say(() => t('verificationFailedToSend'));
    }
  });
  label();
  code.row.append(el('div', { class: 'verification-actions' }, button, status));
  return {
    row: code.row,
    handle: code.handle,
    controls: [code.control],
    value() {
      const typed = code.control.value.trim();
      return verificationId && typed ? { verificationId, code: typed } : undefined;
    },
  };
}
