import type { Label, Language } from '../i18n';
import { refusalReasonCodes } from '../../reference';
import { counterNames, daysHistogram, notAcceptedByReason, type Counters } from './cells';
import { keyLabel, type Breakdown } from './dimensions';
import { suppressedKeys } from './suppression';

/**
 * The figures of SPEC section 6 for one cell, computed from its counters.
 * Medians and 90th percentiles are exact: the cell keeps a histogram of
 * whole working days, and the percentile is the nearest-rank value (the
 * smallest number of days that at least p of the closed cases took), so it
 * is always a number of days some case really took.
 */
export interface Figures {
  received: number;
  accepted: number;
  notAccepted: number;
  /** Every refusal reason of the seeds, zero included, plus any other reason recorded. */
  notAcceptedByReason: Record<string, number>;
  resolved: number;
  unresolved: number;
  withdrawn: number;
  /** resolved / (resolved + unresolved), 4 decimals; null with neither. */
  resolutionRate: number | null;
  medianDaysToClose: number | null;
  p90DaysToClose: number | null;
  amountRecoveredFen: number;
  advancePayouts: number;
  /** Fen the guarantee funds paid consumers first, and fen they recovered from the merchants (SPEC section 9). */
  advancePayoutPaidFen: number;
  advancePayoutRecoveredFen: number;
  safetyReports: number;
  /** 2 decimals; null without ratings. */
  meanRating: number | null;
}

export const figureNames = [
  'received',
  'accepted',
  'notAccepted',
  'notAcceptedByReason',
  'resolved',
  'unresolved',
  'withdrawn',
  'resolutionRate',
  'medianDaysToClose',
  'p90DaysToClose',
  'amountRecoveredFen',
  'advancePayouts',
  'advancePayoutPaidFen',
  'advancePayoutRecoveredFen',
  'safetyReports',
  'meanRating',
] as const satisfies readonly (keyof Figures)[];

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Nearest rank: the smallest value with at least `fraction` of all observations at or below it. */
export function percentileOf(histogram: ReadonlyMap<number, number>, fraction: number): number | null {
  const total = [...histogram.values()].reduce((sum, n) => sum + n, 0);
  if (total <= 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * total));
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value) ?? 0;
    if (seen >= rank) return value;
  }
  return null;
}

export function figuresOf(counters: Counters): Figures {
  const get = (name: string) => counters[name] ?? 0;
  const resolved = get(counterNames.resolved);
  const unresolved = get(counterNames.unresolved);
  const ratingCount = get(counterNames.ratingCount);
  const histogram = daysHistogram(counters);
  const reasons = { ...Object.fromEntries(refusalReasonCodes.map((code) => [code, 0])), ...notAcceptedByReason(counters) };
  return {
    received: get(counterNames.received),
    accepted: get(counterNames.accepted),
    notAccepted: get(counterNames.notAccepted),
    notAcceptedByReason: reasons,
    resolved,
    unresolved,
    withdrawn: get(counterNames.withdrawn),
    resolutionRate: resolved + unresolved > 0 ? round(resolved / (resolved + unresolved), 4) : null,
    medianDaysToClose: percentileOf(histogram, 0.5),
    p90DaysToClose: percentileOf(histogram, 0.9),
    amountRecoveredFen: get(counterNames.recoveredFen),
    advancePayouts: get(counterNames.advancePayouts),
    advancePayoutPaidFen: get(counterNames.advancePayoutPaidFen),
    advancePayoutRecoveredFen: get(counterNames.advancePayoutRecoveredFen),
    safetyReports: get(counterNames.safetyReports),
    meanRating: ratingCount > 0 ? round(get(counterNames.ratingSum) / ratingCount, 2) : null,
  };
}

type NullFigures = { [name in keyof Figures]: null };

export type PublicRow = ({ key: string; label: string; suppressed: false } & Figures) | ({ key: string; label: string; suppressed: true } & NullFigures);

const nullFigures = Object.fromEntries(figureNames.map((name) => [name, null])) as NullFigures;

export function labelIn(label: Label, lang: Language): string {
  return label[lang];
}

/**
 * The public rows of one table: cells with at least one case; rows of 1 to
 * 4 cases and their complements suppressed with every figure null
 * (`suppression.ts`); published rows most cases first (ties by key), then
 * the suppressed ones by key.
 */
export function publicRows(cells: readonly { key: string; counters: Counters }[], by: Breakdown, lang: Language): PublicRow[] {
  const present = cells.map(({ key, counters }) => ({ key, counters, received: counters[counterNames.received] ?? 0 })).filter((cell) => cell.received > 0);
  const hidden = suppressedKeys(present);
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const published = present.filter((cell) => !hidden.has(cell.key)).sort((a, b) => b.received - a.received || byKey(a, b));
  const suppressed = present.filter((cell) => hidden.has(cell.key)).sort(byKey);
  return [
    ...published.map(({ key, counters }): PublicRow => ({ key, label: labelIn(keyLabel(by, key), lang), suppressed: false, ...figuresOf(counters) })),
    ...suppressed.map(({ key }): PublicRow => ({ key, label: labelIn(keyLabel(by, key), lang), suppressed: true, ...nullFigures })),
  ];
}
