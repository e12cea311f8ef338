import { el } from '../ui/dom';
import { language } from '../ui/i18n';
import { getStatistics, type StatisticsAnswer, type StatisticsRow } from './api';
import { columns, disposeCharts, horizontalBars, type Bar } from './charts';
import { formatCount, formatInstant, formatRate, formatYuan, monthName, st } from './words';

/**
 * The figures of one period: the overview, complaints by month (of the
 * period's year), by category and by region, resolution rates, and the CSV
 * download. Labels come with the answer in the page language.
 */
export interface PeriodChoice {
  year: string;
  /** `01`..`12`, or undefined for the whole year. */
  month: string | undefined;
}

export const periodOf = (choice: PeriodChoice) => (choice.month ? `${choice.year}-${choice.month}` : choice.year);

function tile(label: string, value: string): HTMLElement {
  return el('div', { class: 'tile' }, el('div', { class: 'tile-label' }, label), el('div', { class: 'tile-value' }, value));
}

function overview(total: StatisticsRow | undefined): HTMLElement {
  const dash = st('notApplicable');
  if (!total) return el('p', { class: 'muted' }, st('noData'));
  if (total.suppressed) return el('div', { class: 'tiles' }, tile(st('received'), st('fewerThanFive')));
  return el(
    'div',
    { class: 'tiles' },
    tile(st('received'), formatCount(total.received ?? 0)),
    tile(st('accepted'), formatCount(total.accepted ?? 0)),
    tile(st('resolved'), formatCount(total.resolved ?? 0)),
    tile(st('resolutionRate'), total.resolutionRate === null ? dash : formatRate(total.resolutionRate)),
    tile(st('medianDays'), total.medianDaysToClose === null ? dash : st('workingDays', { n: total.medianDaysToClose })),
    tile(st('recovered'), st('yuan', { amount: formatYuan(total.amountRecoveredFen ?? 0) })),
  );
}

const barsOf = (rows: readonly StatisticsRow[], pickValue: (row: StatisticsRow) => number | null): Bar[] => rows.map((row) => ({ label: row.label, value: row.suppressed ? null : pickValue(row) }));

/** Everything the section shows for a period, fetched at once. */
interface Loaded {
  total: StatisticsAnswer;
  byCategory: StatisticsAnswer;
  byRegion: StatisticsAnswer;
  months: (StatisticsAnswer | undefined)[];
}

async function load(choice: PeriodChoice): Promise<Loaded | undefined> {
  const lang = language();
  const period = periodOf(choice);
  const monthPeriods = Array.from({ length: 12 }, (_, i) => `${choice.year}-${String(i + 1).padStart(2, '0')}`);
  const [total, byCategory, byRegion, ...months] = await Promise.all([
    getStatistics(period, undefined, lang),
    getStatistics(period, 'category', lang),
    getStatistics(period, 'region', lang),
    ...monthPeriods.map((month) => getStatistics(month, undefined, lang)),
  ]);
  if (total.kind !== 'ok' || byCategory.kind !== 'ok' || byRegion.kind !== 'ok') return undefined;
  return { total: total.value, byCategory: byCategory.value, byRegion: byRegion.value, months: months.map((m) => (m.kind === 'ok' ? m.value : undefined)) };
}

function render(loaded: Loaded, choice: PeriodChoice): HTMLElement[] {
  const { total, byCategory, byRegion, months } = loaded;
  const count = (value: number) => formatCount(value);
  const monthBars: Bar[] = months.map((answer, i) => {
    const row = answer?.rows[0];
    return { label: monthName(i + 1), value: !row ? 0 : row.suppressed ? null : (row.received ?? 0) };
  });
  const rated = byCategory.rows.filter((row) => !row.suppressed && row.resolutionRate !== null);
  const generated = total.generatedAt ? st('generatedAt', { time: formatInstant(total.generatedAt) }) : st('notYetComputed');
  return [
    el('p', { class: 'muted', id: 'generated-at', role: 'status' }, generated),
    el('section', { class: 'card', 'aria-labelledby': 'summary-title' }, el('h2', { id: 'summary-title' }, st('summaryTitle')), overview(total.rows[0])),
    el('section', { class: 'card' }, columns({ title: `${st('byMonthTitle')} · ${choice.year}`, bars: monthBars, format: count })),
    el(
      'section',
      { class: 'card' },
      byCategory.rows.length > 0 ? horizontalBars({ title: st('byCategoryTitle'), bars: barsOf(byCategory.rows, (row) => row.received), format: count }) : el('p', { class: 'muted' }, st('noData')),
    ),
    el(
      'section',
      { class: 'card' },
      byRegion.rows.length > 0 ? horizontalBars({ title: st('byRegionTitle'), bars: barsOf(byRegion.rows, (row) => row.received), format: count }) : el('p', { class: 'muted' }, st('noData')),
    ),
    el(
      'section',
      { class: 'card' },
      rated.length > 0 ? horizontalBars({ title: st('ratesTitle'), bars: barsOf(rated, (row) => row.resolutionRate), format: formatRate, max: 1 }) : el('p', { class: 'muted' }, `${st('ratesTitle')}: ${st('noData')}`),
    ),
  ];
}

/** Loads and shows the figures of `choice` into `mount`; the latest request wins. */
export function figuresSection(mount: HTMLElement) {
  let request = 0;
  return {
    async show(choice: PeriodChoice): Promise<void> {
      const mine = ++request;
      mount.setAttribute('aria-busy', 'true');
      disposeCharts(mount);
      mount.replaceChildren(el('p', { class: 'muted' }, st('loading')));
      const loaded = await load(choice);
      if (mine !== request) return;
      mount.removeAttribute('aria-busy');
      mount.replaceChildren(...(loaded ? render(loaded, choice) : [el('p', { class: 'form-status', role: 'alert' }, st('loadFailed'))]));
    },
  };
}
