import type { Label } from '../../../functions/domain/i18n';
import { el, setDescribedBy } from '../ui/dom';
import { pick, t, whenLanguageChanges } from '../ui/i18n';
import type { TextKey } from '../ui/texts';

/**
 * Form controls wired for assistive technology: every control has a label
 * bound to it, its hint and (when there is one) its error message are in its
 * `aria-describedby`, and a bad value sets `aria-invalid`. Each field is
 * known by the API path it fills (`consumer.phone`), so a message from the
 * client-side check or from the server lands next to the same control.
 */
export interface FieldHandle {
  path: string;
  /** The control to focus when this field needs fixing. */
  focusTarget: HTMLElement;
  /** The field's name as its label says it, for the error summary. */
  name(): string;
  setError(message: string | undefined): void;
  hasError(): boolean;
  /** The message shown now, if any. */
  error(): string | undefined;
}

const idFor = (path: string) => `field-${path.replace(/\./g, '-')}`;

function requirementTag(required: boolean): HTMLElement {
  const tag = el('span', { class: required ? 'tag tag-required' : 'tag' });
  whenLanguageChanges(() => (tag.textContent = t(required ? 'required' : 'optional')));
  return tag;
}

function translated<K extends keyof HTMLElementTagNameMap>(tag: K, key: TextKey, attributes: Record<string, string> = {}) {
  const element = el(tag, attributes);
  whenLanguageChanges(() => (element.textContent = t(key)));
  return element;
}

/** The error slot of one field, and the controls that point to it. */
function errorSlot(id: string, controls: HTMLElement[]) {
  const element = el('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  let current: string | undefined;
  return {
    element,
    set(message: string | undefined) {
      current = message;
      element.textContent = message ?? '';
      element.hidden = message === undefined;
      for (const control of controls) {
        if (message === undefined) control.removeAttribute('aria-invalid');
        else control.setAttribute('aria-invalid', 'true');
        // The error is read before the hint: it is what the person must act on.
        setDescribedBy(control, element.id, message !== undefined);
      }
      element.closest('.field')?.classList.toggle('has-error', message !== undefined);
    },
    has: () => current !== undefined,
    current: () => current,
  };
}

interface TextFieldOptions {
  path: string;
  label: TextKey;
  hint?: TextKey;
  required?: boolean;
  type?: 'text' | 'tel' | 'email' | 'date';
  autocomplete?: string;
  inputMode?: string;
  maxLength?: number;
  /** Multi-line text; the number is the visible rows. */
  rows?: number;
  className?: string;
}

export interface TextField {
  row: HTMLElement;
  control: HTMLInputElement | HTMLTextAreaElement;
  handle: FieldHandle;
  /** Extra text under the control (the character count) that the control is described by. */
  addNote(note: HTMLElement): void;
}

export function textField(options: TextFieldOptions): TextField {
  const id = idFor(options.path);
  const required = options.required ?? false;
  const control =
    options.rows !== undefined
      ? el('textarea', { id, name: options.path, rows: String(options.rows), spellcheck: 'true' })
      : el('input', {
          id,
          name: options.path,
          type: options.type ?? 'text',
          autocomplete: options.autocomplete ?? 'off',
          inputmode: options.inputMode,
          spellcheck: options.type === 'text' ? undefined : 'false',
        });
  if (options.maxLength !== undefined) control.maxLength = options.maxLength;
  if (required) control.setAttribute('aria-required', 'true');
  const label = translated('label', options.label, { for: id });
  label.append(' ', requirementTag(required));
  const hint = options.hint ? translated('p', options.hint, { class: 'field-hint', id: `${id}-hint` }) : undefined;
  if (hint) setDescribedBy(control, hint.id, true);
  const error = errorSlot(id, [control]);
  const row = el('div', { class: `field ${options.className ?? ''}`.trim() }, label, hint, error.element, control);
  return {
    row,
    control,
    handle: { path: options.path, focusTarget: control, name: () => t(options.label), setError: error.set, hasError: error.has, error: error.current },
    addNote(note) {
      row.append(note);
      setDescribedBy(control, note.id, true);
    },
  };
}

export interface SelectOption {
  value: string;
  label: Label;
}

export interface SelectGroup {
  label: TextKey;
  options: SelectOption[];
}

/** Fills a select with options (and groups) in the page language, keeping what was chosen. */
export function fillSelect(select: HTMLSelectElement, placeholder: TextKey, items: Array<SelectOption | SelectGroup>): void {
  const chosen = select.value;
  const option = (item: SelectOption) => el('option', { value: item.value }, pick(item.label));
  select.replaceChildren(
    el('option', { value: '' }, t(placeholder)),
    ...items.map((item) => ('options' in item ? el('optgroup', { label: t(item.label) }, ...item.options.map(option)) : option(item))),
  );
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
}

interface SelectFieldOptions {
  path: string;
  label: TextKey;
  hint?: TextKey;
  required?: boolean;
  items: () => Array<SelectOption | SelectGroup>;
}

export function selectField(options: SelectFieldOptions): { row: HTMLElement; control: HTMLSelectElement; handle: FieldHandle } {
  const id = idFor(options.path);
  const required = options.required ?? false;
  const control = el('select', { id, name: options.path });
  if (required) control.setAttribute('aria-required', 'true');
  whenLanguageChanges(() => fillSelect(control, 'choose', options.items()));
  const label = translated('label', options.label, { for: id });
  label.append(' ', requirementTag(required));
  const hint = options.hint ? translated('p', options.hint, { class: 'field-hint', id: `${id}-hint` }) : undefined;
  if (hint) setDescribedBy(control, hint.id, true);
  const error = errorSlot(id, [control]);
  const row = el('div', { class: 'field' }, label, hint, error.element, control);
  return { row, control, handle: { path: options.path, focusTarget: control, name: () => t(options.label), setError: error.set, hasError: error.has, error: error.current } };
}

/**
 * A group of controls answering one question (a region's two pickers, a
 * yes/no choice): a fieldset whose legend names it, one error slot for all.
 */
export function groupField(options: {
  path: string;
  legend: TextKey;
  hint?: TextKey;
  /** `undefined`: a choice that always has an answer, so neither "required" nor "optional" is said. */
  required?: boolean;
  controls: HTMLElement[];
  body: HTMLElement[];
  focusTarget: HTMLElement;
}) {
  const id = idFor(options.path);
  const legend = translated('legend', options.legend);
  if (options.required !== undefined) legend.append(' ', requirementTag(options.required));
  const hint = options.hint ? translated('p', options.hint, { class: 'field-hint', id: `${id}-hint` }) : undefined;
  if (hint) for (const control of options.controls) setDescribedBy(control, hint.id, true);
  const error = errorSlot(id, options.controls);
  const row = el('fieldset', { class: 'field field-group', id }, legend, hint, error.element, ...options.body);
  const handle: FieldHandle = { path: options.path, focusTarget: options.focusTarget, name: () => t(options.legend), setError: error.set, hasError: error.has, error: error.current };
  return { row, handle };
}

/** A label in the page language for a control built elsewhere. */
export function controlLabel(forId: string, key: TextKey, className?: string): HTMLLabelElement {
  return translated('label', key, { for: forId, class: className ?? '' });
}
