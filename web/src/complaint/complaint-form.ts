import type { FieldIssue } from '../../../functions/domain/errors';
import { categories, channels, claimTypes, issues } from '../../../functions/reference';
import { yuanToFen } from '../shared/money';
import { el, uniqueId } from '../ui/dom';
import { t, whenLanguageChanges } from '../ui/i18n';
import type { TextKey } from '../ui/texts';
import { controlLabel, groupField, selectField, textField, type FieldHandle } from './fields';
import { regionPicker } from './region-picker';
import { verificationStep } from './verification-step';

/**
 * The complaint form (SPEC section 4's `POST /v1/complaints` body), built
 * from the seeds' code lists. `read()` turns what was typed into the API
 * body; the few checks only the form can make (an amount in yuan that is
 * not a number) come back as issues on the same paths the API uses.
 */
export interface ComplaintForm {
  form: HTMLFormElement;
  fields: Map<string, FieldHandle>;
  submitButton: HTMLButtonElement;
  /** Plain messages about the submission as a whole (network, server errors). */
  statusBox: HTMLElement;
  summaryBox: HTMLElement;
  read(): { body: Record<string, unknown>; formIssues: FieldIssue[] };
  /** Where the value of a field is edited, to check it again when the person leaves it. */
  controlsOf(path: string): HTMLElement[];
}

function section(legend: TextKey, ...rows: HTMLElement[]): HTMLFieldSetElement {
  const title = el('legend', { class: 'section-title' });
  whenLanguageChanges(() => (title.textContent = t(legend)));
  return el('fieldset', { class: 'form-section' }, title, ...rows);
}

/** Drops empty values, so an unfilled optional field is absent (not "") and an unfilled required one reads "required". */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== ''));
}

const trimmed = (control: { value: string }) => control.value.trim();

/** What the merchant will see of a field (SPEC section 5), read out with the field by screen readers. */
function merchantNote(key: TextKey): HTMLElement {
  const note = el('p', { class: 'field-hint field-merchant-note', id: uniqueId('merchant-note') });
  whenLanguageChanges(() => (note.textContent = t(key)));
  return note;
}

export function buildComplaintForm(today: string): ComplaintForm {
  const fields = new Map<string, FieldHandle>();
  const controls = new Map<string, HTMLElement[]>();
  const register = <T extends { handle: FieldHandle }>(field: T, edited: HTMLElement[]): T => {
    fields.set(field.handle.path, field.handle);
    controls.set(field.handle.path, edited);
    return field;
  };
  const text = (options: Parameters<typeof textField>[0]) => {
    const field = textField(options);
    return register(field, [field.control]);
  };
  const select = (options: Parameters<typeof selectField>[0]) => {
    const field = selectField(options);
    return register(field, [field.control]);
  };

  // About the consumer
  const consumerName = text({ path: 'consumer.name', label: 'consumerName', required: true, autocomplete: 'name', maxLength: 50 });
  const consumerPhone = text({ path: 'consumer.phone', label: 'consumerPhone', hint: 'consumerPhoneHint', required: true, type: 'tel', autocomplete: 'tel-national', inputMode: 'tel', maxLength: 20 });
  const verification = verificationStep(consumerPhone.control as HTMLInputElement);
  fields.set(verification.handle.path, verification.handle);
  controls.set(verification.handle.path, verification.controls);
  const consumerEmail = text({ path: 'consumer.email', label: 'consumerEmail', type: 'email', autocomplete: 'email', maxLength: 254 });
  const consumerRegion = regionPicker({ path: 'consumer.regionCode', legend: 'consumerRegion', required: true });
  register(consumerRegion, consumerRegion.controls);
  const consumerAddress = text({ path: 'consumer.address', label: 'consumerAddress', autocomplete: 'street-address', maxLength: 200 });

  // About the merchant
  const merchantName = text({ path: 'merchant.name', label: 'merchantName', hint: 'merchantNameHint', required: true, maxLength: 100 });
  const merchantCreditCode = text({ path: 'merchant.creditCode', label: 'merchantCreditCode', hint: 'merchantCreditCodeHint', maxLength: 18, className: 'field-code' });
  merchantCreditCode.control.setAttribute('autocapitalize', 'characters');
  const merchantRegion = regionPicker({ path: 'merchant.regionCode', legend: 'merchantRegion', required: false });
  register(merchantRegion, merchantRegion.controls);
  const merchantAddress = text({ path: 'merchant.address', label: 'merchantAddress', maxLength: 200 });
  const merchantPlatform = text({ path: 'merchant.platform', label: 'merchantPlatform', hint: 'merchantPlatformHint', maxLength: 100 });

  // The purchase
  const purchaseDate = text({ path: 'purchase.date', label: 'purchaseDate', required: true, type: 'date', className: 'field-short' });
  purchaseDate.control.setAttribute('max', today);
  const purchaseAmount = text({ path: 'purchase.amountFen', label: 'purchaseAmount', hint: 'amountHint', inputMode: 'decimal', maxLength: 16, className: 'field-short' });
  const purchaseChannel = select({ path: 'purchase.channel', label: 'purchaseChannel', required: true, items: () => channels.map((c) => ({ value: c.code, label: c.label })) });
  const purchaseOrderRef = text({ path: 'purchase.orderRef', label: 'purchaseOrderRef', maxLength: 100 });

  // The problem
  const category = select({
    path: 'category',
    label: 'category',
    required: true,
    items: () => [
      { label: 'categoryGoods', options: categories.filter((c) => c.kind === 'goods').map((c) => ({ value: c.code, label: c.label })) },
      { label: 'categoryServices', options: categories.filter((c) => c.kind === 'services').map((c) => ({ value: c.code, label: c.label })) },
    ],
  });
  const issue = select({ path: 'issue', label: 'issue', required: true, items: () => issues.map((c) => ({ value: c.code, label: c.label })) });
  const knownSince = text({ path: 'knownSince', label: 'knownSince', hint: 'knownSinceHint', required: true, type: 'date', className: 'field-short' });
  knownSince.control.setAttribute('max', today);
  const description = text({ path: 'description', label: 'description', hint: 'descriptionHint', required: true, rows: 7, maxLength: 5000 });
  const counter = el('p', { class: 'field-counter', id: uniqueId('description-count') });
  const updateCounter = () => {
    const count = [...description.control.value.trim()].length; // characters as the API counts them
    counter.textContent = count < 10 ? t('characterCountShort', { count, missing: 10 - count }) : t('characterCount', { count });
    counter.classList.toggle('is-short', count > 0 && count < 10);
  };
  description.control.addEventListener('input', updateCounter);
  whenLanguageChanges(updateCounter);
  description.addNote(counter);
  description.addNote(merchantNote('merchantSeesDescription'));

  const injuryNo = el('input', { type: 'radio', name: 'injury.occurred', value: 'no', id: 'field-injury-no', checked: true });
  const injuryYes = el('input', { type: 'radio', name: 'injury.occurred', value: 'yes', id: 'field-injury-yes' });
  const injuryChoice = groupField({
    path: 'injury.occurred',
    legend: 'injuryQuestion',
    hint: 'injuryHint',
    controls: [injuryNo, injuryYes],
    focusTarget: injuryNo,
    body: [
      el(
        'div',
        { class: 'choice-row' },
        el('div', { class: 'choice' }, injuryNo, controlLabel(injuryNo.id, 'injuryNo')),
        el('div', { class: 'choice' }, injuryYes, controlLabel(injuryYes.id, 'injuryYes')),
      ),
    ],
  });
  register(injuryChoice, [injuryNo, injuryYes]);
  const injuryDescription = text({ path: 'injury.description', label: 'injuryDescription', rows: 3, maxLength: 2000, className: 'field-follow-up' });
  injuryDescription.addNote(merchantNote('merchantSeesInjury'));
  const showInjury = () => {
    injuryDescription.row.hidden = !injuryYes.checked;
  };
  injuryNo.addEventListener('change', showInjury);
  injuryYes.addEventListener('change', showInjury);
  showInjury();

  // What the consumer asks for
  const claimType = select({ path: 'claim.type', label: 'claimType', required: true, items: () => claimTypes.map((c) => ({ value: c.code, label: c.label })) });
  const claimAmount = text({ path: 'claim.amountFen', label: 'claimAmount', hint: 'amountHint', inputMode: 'decimal', maxLength: 16, className: 'field-short' });

  // Consent to publish the narrative: off unless the person ticks it
  const consent = el('input', { type: 'checkbox', id: 'field-consent-publishNarrative', name: 'consent.publishNarrative' });
  const consentHint = el('p', { class: 'field-hint', id: 'field-consent-publishNarrative-hint' });
  whenLanguageChanges(() => (consentHint.textContent = t('consentHint')));
  consent.setAttribute('aria-describedby', consentHint.id);
  const consentField = {
    row: el('div', { class: 'field field-check' }, el('div', { class: 'choice' }, consent, controlLabel(consent.id, 'consentLabel')), consentHint),
    handle: {
      path: 'consent.publishNarrative',
      focusTarget: consent,
      name: () => t('consentLabel'),
      setError: () => undefined, // a checkbox cannot hold a wrong value
      hasError: () => false,
      error: () => undefined,
    } satisfies FieldHandle,
  };
  register(consentField, [consent]);

  const summaryBox = el('div', { class: 'error-summary', id: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const statusBox = el('div', { class: 'form-status', id: 'form-status', role: 'alert', hidden: true });
  const submitButton = el('button', { type: 'submit', class: 'button button-primary', id: 'submit-complaint' });
  whenLanguageChanges(() => {
    if (!submitButton.disabled) submitButton.textContent = t('submit');
  });

  const form = el(
    'form',
    { id: 'complaint-form', novalidate: true, 'aria-labelledby': 'form-title' },
    summaryBox,
    section('sectionConsumer', consumerName.row, consumerPhone.row, verification.row, consumerEmail.row, consumerRegion.row, consumerAddress.row),
    section('sectionMerchant', merchantName.row, merchantCreditCode.row, merchantRegion.row, merchantAddress.row, merchantPlatform.row),
    section('sectionPurchase', purchaseDate.row, purchaseAmount.row, purchaseChannel.row, purchaseOrderRef.row),
    section('sectionComplaint', category.row, issue.row, knownSince.row, description.row, injuryChoice.row, injuryDescription.row),
    section('sectionClaim', claimType.row, claimAmount.row),
    section('sectionConsent', consentField.row),
    statusBox,
    el('div', { class: 'form-actions' }, submitButton),
  );

  function read() {
    const formIssues: FieldIssue[] = [];
    const amount = (path: string, control: { value: string }) => {
      const parsed = yuanToFen(control.value);
      if (parsed.ok) return parsed.fen;
      formIssues.push({ path, message: t('amountFormat') });
      return undefined;
    };
    const injuryOccurred = injuryYes.checked;
    const body = compact({
      consumer: compact({
        name: trimmed(consumerName.control),
        phone: trimmed(consumerPhone.control),
        email: trimmed(consumerEmail.control),
        regionCode: consumerRegion.value(),
        address: trimmed(consumerAddress.control),
      }),
      merchant: compact({
        name: trimmed(merchantName.control),
        creditCode: trimmed(merchantCreditCode.control).toUpperCase(),
        regionCode: merchantRegion.value(),
        address: trimmed(merchantAddress.control),
        platform: trimmed(merchantPlatform.control),
      }),
      purchase: compact({
        date: purchaseDate.control.value,
        amountFen: amount('purchase.amountFen', purchaseAmount.control),
        channel: purchaseChannel.control.value,
        orderRef: trimmed(purchaseOrderRef.control),
      }),
      category: category.control.value,
      issue: issue.control.value,
      description: trimmed(description.control),
      claim: compact({ type: claimType.control.value, amountFen: amount('claim.amountFen', claimAmount.control) }),
      injury: compact({ occurred: injuryOccurred, description: injuryOccurred ? trimmed(injuryDescription.control) : undefined }),
      knownSince: knownSince.control.value,
      consent: { publishNarrative: consent.checked },
      verification: verification.value(),
    });
    return { body, formIssues };
  }

  return { form, fields, submitButton, statusBox, summaryBox, read, controlsOf: (path) => controls.get(path) ?? [] };
}
