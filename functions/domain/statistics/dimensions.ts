import type { Label } from '../i18n';
import { caseStatuses, caseSteps, categories, issues, regionByCode, type CodeEntry } from '../../reference';

/**
 * What statistics can be broken down by (SPEC section 6) and how a period is
 * written. `all` is the total row: every case of the period in one cell.
 */
export const statisticsDimensions = ['category', 'region', 'issue', 'step', 'outcome'] as const;
export type StatisticsDimension = (typeof statisticsDimensions)[number];
export type Breakdown = StatisticsDimension | 'all';
export const breakdowns: readonly Breakdown[] = ['all', ...statisticsDimensions];

/** The key of the total row and of cases never routed to a step. */
export const totalKey = 'all';
export const notRoutedKey = 'none';

/** A calendar month `YYYY-MM` or a year `YYYY`, China time. */
export type Period = string;
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const yearPattern = /^\d{4}$/;

export function isPeriod(value: string): boolean {
  return monthPattern.test(value) || yearPattern.test(value);
}

/** The two periods a case received in `month` counts in: its month and its year. */
export function periodsOfMonth(month: string): [Period, Period] {
  return [month, month.slice(0, 4)];
}

/** Every month from `first` to `last` inclusive (`YYYY-MM`), oldest first. */
export { monthsBetween } from '../calendar/months';

const syntheticLabels: Record<string, Label> = {
  [`all:${totalKey}`]: { 'zh-CN': '全部投诉', en: 'All complaints' },
  [`step:${notRoutedKey}`]: { 'zh-CN': '未分流（未受理或待受理）', en: 'Not routed (not accepted or awaiting acceptance)' },
};

function fromList(entries: readonly CodeEntry[], code: string): Label | undefined {
  return entries.find((entry) => entry.code === code)?.label;
}

/** The zh-CN and English label of a row's key, from the seeds; an unknown key labels itself. */
export function keyLabel(by: Breakdown, key: string): Label {
  const synthetic = syntheticLabels[`${by}:${key}`];
  if (synthetic) return synthetic;
  let label: Label | undefined;
  switch (by) {
    case 'category':
      label = fromList(categories, key);
      break;
    case 'region':
      label = regionByCode(key)?.name;
      break;
    case 'issue':
      label = fromList(issues, key);
      break;
    case 'step':
      label = fromList(caseSteps, key);
      break;
    case 'outcome':
      label = fromList(caseStatuses, key);
      break;
    default:
      label = undefined;
  }
  return label ?? { 'zh-CN': key, en: key };
}
