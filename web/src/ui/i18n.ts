import { languages, type Label, type Language } from '../../../functions/domain/i18n';
import { texts, type TextKey } from './texts';

/**
 * The page language: zh-CN unless the user chose English. `?lang=en` in the
 * address picks it too; the choice is remembered in localStorage.
 */
const storageKey = 'redress.lang';
const listeners: Array<(lang: Language) => void> = [];
let current: Language = 'zh-CN';

function isLanguage(value: string | null): value is Language {
  return value !== null && (languages as readonly string[]).includes(value);
}

function remembered(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null; // storage blocked (private mode, policy): fall back to the default
  }
}

function remember(lang: Language): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not remembered; the page still switches.
  }
}

export function initLanguage(): Language {
  const fromQuery = new URLSearchParams(location.search).get('lang');
  if (isLanguage(fromQuery)) remember(fromQuery);
  const stored = remembered();
  current = isLanguage(fromQuery) ? fromQuery : isLanguage(stored) ? stored : 'zh-CN';
  document.documentElement.lang = current;
  return current;
}

export function language(): Language {
  return current;
}

export function setLanguage(lang: Language): void {
  current = lang;
  remember(lang);
  document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

/** Called now and on every switch: the way every piece of text stays in the chosen language. */
export function whenLanguageChanges(listener: (lang: Language) => void): void {
  listeners.push(listener);
  listener(current);
}

export function pick(label: Label): string {
  return label[current];
}

/** A text table's label in the page language, `{name}` filled in from `params`. */
export function textOf<K extends string>(table: Record<K, Label>, key: K, params: Record<string, string | number> = {}): string {
  return pick(table[key]).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Fills every `[data-<attribute>="key"]` element under `root` from the table. */
export function fillTexts<K extends string>(table: Record<K, Label>, attribute: string, root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>(`[data-${attribute}]`)) {
    const key = element.getAttribute(`data-${attribute}`) as K;
    if (key in table) element.textContent = textOf(table, key);
  }
}

export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  return textOf(texts, key, params);
}

/** Fills every `data-i18n="key"` element of the static page shell. */
export function translateStaticText(root: ParentNode = document): void {
  fillTexts(texts, 'i18n', root);
}

/** A 429's message, with the wait its Retry-After header asked for when there was one. */
export function tooManyAttempts(retryAfterSeconds: number | undefined): string {
  return retryAfterSeconds ? t('errorTooManySeconds', { seconds: retryAfterSeconds }) : t('errorTooMany');
}
