import { fillTexts, language, textOf } from '../ui/i18n';
import { statsTexts, type StatsTextKey } from './texts';
import { formatFen } from '../shared/money';

/** A text of the statistics page in the page language, `{name}` filled in. */
export function st(key: StatsTextKey, params: Record<string, string | number> = {}): string {
  return textOf(statsTexts, key, params);
}

/** Fills every `data-stats-i18n="key"` element of the page shell. */
export function translateStatsText(root: ParentNode = document): void {
  fillTexts(statsTexts, 'stats-i18n', root);
}

const locale = () => (language() === 'zh-CN' ? 'zh-CN' : 'en-GB');

export function formatCount(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

export function formatRate(rate: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Fen as yuan, exact: "1,299" for whole yuan, "1,299.90" otherwise. */
export function formatYuan(fen: number): string {
  return formatFen(fen).replace(/\.00$/, '');
}

export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

export function monthName(month: number): string {
  return language() === 'zh-CN' ? st('monthName', { n: month }) : new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}
