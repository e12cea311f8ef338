/** The service speaks zh-CN (the default of the web pages) and English. */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export interface Label {
  'zh-CN': string;
  en: string;
}

/**
 * Picks the answer language from an Accept-Language header. API clients
 * that send none (scripts, curl) get English; browsers send their own
 * preference and the web pages send the language the user picked.
 */
export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
