import type { Label, Language } from '../i18n';
import { refusalReasons } from '../../reference';
import type { Figures, PublicRow } from './figures';
import type { Breakdown, Period } from './dimensions';
import { fenToYuan } from '../money';

/**
 * `GET /v1/stats.csv`: the rows of `GET /v1/stats` as RFC 4180 CSV (CRLF line
 * ends, fields with a comma, quote or line break quoted, quotes doubled),
 * UTF-8 with a byte-order mark so spreadsheet software reads the Chinese
 * text. Column names are Chinese by default, English with `lang=en`.
 * Amounts are yuan with two decimals here (people open this file); the JSON
 * keeps fen.
 */
export const byteOrderMark = '\uFEFF';

/**
 * SPEC section 5: a text cell that a spreadsheet would read as a formula
 * (`=`, `+`, `-`, `@`) or that hides one behind a tab or carriage return gets
 * a leading `'`, so it is shown as text and never run (OWASP's CSV-injection
 * advice). Numbers are written as numbers: `-5` is a figure, not a formula.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function neutralised(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutralised(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | number | boolean | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Fen as yuan with exactly two decimals, from integers only (no floating-point rounding). */
export function yuan(fen: number): string {
  return fenToYuan(fen);
}

interface CsvContext {
  period: Period;
  by: Breakdown;
  lang: Language;
  /** When the figures were computed; every answer says it, so the file does too. */
  generatedAt: string | null;
}

interface Column {
  heading: Label;
  value: (row: PublicRow, context: CsvContext) => string | number | boolean | null;
}

const figure = (name: Exclude<keyof Figures, 'notAcceptedByReason'>, heading: Label): Column => ({ heading, value: (row) => row[name] });

const columns: Column[] = [
  { heading: { 'zh-CN': '统计期间', en: 'Period' }, value: (_, { period }) => period },
  { heading: { 'zh-CN': '分类维度', en: 'Breakdown' }, value: (_, { by }) => by },
  { heading: { 'zh-CN': '代码', en: 'Code' }, value: (row) => row.key },
  { heading: { 'zh-CN': '名称', en: 'Name' }, value: (row) => row.label },
  { heading: { 'zh-CN': '是否隐去（少于5件，或为防推算一并隐去）', en: 'Suppressed (fewer than 5 cases, or hidden with such a row)' }, value: (row, { lang }) => (row.suppressed ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否') },
  figure('received', { 'zh-CN': '收到投诉（件）', en: 'Received' }),
  figure('accepted', { 'zh-CN': '受理（件）', en: 'Accepted' }),
  figure('notAccepted', { 'zh-CN': '不予受理（件）', en: 'Not accepted' }),
  ...refusalReasons.map(
    (reason): Column => ({
      heading: { 'zh-CN': `不予受理：${reason.label['zh-CN']}`, en: `Not accepted: ${reason.label.en}` },
      value: (row) => (row.suppressed ? null : (row.notAcceptedByReason[reason.code] ?? 0)),
    }),
  ),
  figure('resolved', { 'zh-CN': '已解决（件）', en: 'Resolved' }),
  figure('unresolved', { 'zh-CN': '未能解决（件）', en: 'Unresolved' }),
  figure('withdrawn', { 'zh-CN': '已撤回（件）', en: 'Withdrawn' }),
  figure('resolutionRate', { 'zh-CN': '解决率', en: 'Resolution rate' }),
  figure('medianDaysToClose', { 'zh-CN': '办结用时中位数（工作日）', en: 'Median working days to close' }),
  figure('p90DaysToClose', { 'zh-CN': '办结用时第90百分位（工作日）', en: '90th percentile working days to close' }),
  { heading: { 'zh-CN': '为消费者挽回金额（元）', en: 'Recovered for consumers (yuan)' }, value: (row) => (row.suppressed ? null : yuan(row.amountRecoveredFen)) },
  figure('advancePayouts', { 'zh-CN': '先行赔付（件）', en: 'Advance payouts' }),
  { heading: { 'zh-CN': '先行赔付金额（元）', en: 'Advance payouts paid (yuan)' }, value: (row) => (row.suppressed ? null : yuan(row.advancePayoutPaidFen)) },
  { heading: { 'zh-CN': '先行赔付追偿金额（元）', en: 'Advance payouts recovered (yuan)' }, value: (row) => (row.suppressed ? null : yuan(row.advancePayoutRecoveredFen)) },
  figure('safetyReports', { 'zh-CN': '产品安全事故报告（件）', en: 'Product-safety reports' }),
  figure('meanRating', { 'zh-CN': '平均满意度（1-5）', en: 'Mean satisfaction (1-5)' }),
  { heading: { 'zh-CN': '数据生成时间（UTC）', en: 'Generated at (UTC)' }, value: (_, { generatedAt }) => generatedAt },
];

export function statisticsCsv(rows: readonly PublicRow[], context: CsvContext): string {
  const lang = context.lang;
  const header = csvLine(columns.map((column) => column.heading[lang]));
  const body = rows.map((row) => csvLine(columns.map((column) => column.value(row, context)))).join('');
  return `${byteOrderMark}${header}${body}`;
}

export function csvFileName(period: Period, by: Breakdown): string {
  return `redress-stats-${period}-${by}.csv`;
}
