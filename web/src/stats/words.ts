import { language, pick } from '../ui/i18n';
import { statsTexts, type StatsTextKey } from './texts';

/** A text of the statistics page in the page language, `{name}` filled in. */
export function st(key: StatsTextKey, params: Record<string, string | number> = {}): string {
  return pick(statsTexts[key]).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Fills every `data-stats-i18n="key"` element of the page shell. */
export function translateStatsText(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-stats-i18n]')) {
    const key = element.dataset.statsI18n as StatsTextKey;
    if (key in statsTexts) element.textContent = st(key);
  }
}

const locale = () => (language() === 'zh-CN' ? 'zh-CN' : 'en-GB');

export function formatCount(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

export function formatRate(rate: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Fen as yuan, exact: integers only. */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return `${new Intl.NumberFormat(locale()).format(yuan)}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

export function monthName(month: number): string {
  return language() === 'zh-CN' ? st('monthName', { n: month }) : new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}
