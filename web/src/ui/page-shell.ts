import { byId } from './dom';
import { initLanguage, language, setLanguage, t, translateStaticText, whenLanguageChanges } from './i18n';
import type { TextKey } from './texts';

/**
 * What both pages share: the language (and its switch in the header), the
 * static texts and the document title.
 */
export function startPageShell(titleKey: TextKey): void {
  initLanguage();
  const languageSwitch = byId<HTMLButtonElement>('language-switch');
  languageSwitch.addEventListener('click', () => setLanguage(language() === 'zh-CN' ? 'en' : 'zh-CN'));
  whenLanguageChanges(() => {
    translateStaticText();
    languageSwitch.textContent = t('switchLanguage');
    // The button's text is in the other language; say so for screen readers.
    languageSwitch.setAttribute('lang', language() === 'zh-CN' ? 'en' : 'zh-CN');
    languageSwitch.setAttribute('aria-label', t('switchLanguageLabel'));
    document.title = `${t(titleKey)} · ${t('brandName')}`;
  });
  document.body.classList.add('ready');
}
