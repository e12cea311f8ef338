import * as z from 'zod';
import { ValidationError, type FieldIssue } from '../errors';
import { languages, type Label, type Language } from '../i18n';
import { toFieldIssues } from '../validation/issues';
import { isPeriod, statisticsDimensions, type Breakdown, type Period } from './dimensions';

/**
 * `GET /v1/stats` and `GET /v1/stats.csv` query strings. Unknown parameters
 * are refused like unknown body fields; every bad one is named in one 400.
 * Without `period` the current China year is meant; without `by`, the one
 * total row.
 */
export interface StatisticsQuery {
  period: Period;
  by: Breakdown;
  lang: Language;
}

const periodMessage: Label = {
  'zh-CN': '统计期间应为 YYYY-MM（月）或 YYYY（年）',
  en: 'The period is YYYY-MM (a month) or YYYY (a year)',
};

export const statisticsQuerySchema = z.strictObject({
  period: z.string().refine(isPeriod, { error: 'period' }).optional(),
  by: z.enum(statisticsDimensions).optional(),
  lang: z.enum(languages).optional(),
});

export function parseStatisticsQuery(query: Record<string, string>, today: string, requestLang: Language, defaultLang?: Language): StatisticsQuery {
  const parsed = statisticsQuerySchema.safeParse(query);
  const lang = (query.lang && (languages as readonly string[]).includes(query.lang) ? query.lang : (defaultLang ?? requestLang)) as Language;
  if (!parsed.success) {
    const issues: FieldIssue[] = toFieldIssues(parsed.error.issues, query, requestLang).map((issue) =>
      issue.path === 'period' ? { path: 'period', message: periodMessage[requestLang] } : issue,
    );
    throw new ValidationError(issues, 'The query has invalid parameters.');
  }
  return { period: parsed.data.period ?? today.slice(0, 4), by: parsed.data.by ?? 'all', lang };
}
