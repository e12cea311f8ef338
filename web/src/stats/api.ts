import type { PublicDisclosure } from '../../../functions/domain/disclosure/public-record';
import type { Language } from '../../../functions/domain/i18n';
import type { MerchantPublicRecord } from '../../../functions/domain/statistics/merchant-record';

/**
 * The public reads of the statistics page, on the page's own origin. Answers
 * are values, never thrown: the page says what a failure means.
 */
export type Figures = {
  received: number | null;
  accepted: number | null;
  notAccepted: number | null;
  resolved: number | null;
  unresolved: number | null;
  withdrawn: number | null;
  resolutionRate: number | null;
  medianDaysToClose: number | null;
  p90DaysToClose: number | null;
  amountRecoveredFen: number | null;
  advancePayouts: number | null;
  safetyReports: number | null;
  meanRating: number | null;
};

export type StatisticsRow = { key: string; label: string; suppressed: boolean } & Figures;

export interface StatisticsAnswer {
  period: string;
  by: string;
  generatedAt: string | null;
  rows: StatisticsRow[];
}

/** The server's own shapes, imported as types only: no server code reaches the page. */
export type Disclosure = PublicDisclosure;

export interface DisclosurePage {
  items: Disclosure[];
  cursor?: string;
}

export type MerchantRecord = MerchantPublicRecord;

export type Answer<T> = { kind: 'ok'; value: T } | { kind: 'error'; status: number } | { kind: 'network' };

async function get<T>(path: string, lang: Language): Promise<Answer<T>> {
  try {
    const response = await fetch(path, { headers: { Accept: 'application/json', 'Accept-Language': lang }, credentials: 'omit' });
    if (!response.ok) return { kind: 'error', status: response.status };
    return { kind: 'ok', value: (await response.json()) as T };
  } catch {
    return { kind: 'network' };
  }
}

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export function getStatistics(period: string, by: string | undefined, lang: Language): Promise<Answer<StatisticsAnswer>> {
  return get(`/v1/stats${query({ period, by, lang })}`, lang);
}

export function statisticsCsvUrl(period: string, by: string | undefined, lang: Language): string {
  return `/v1/stats.csv${query({ period, by, lang })}`;
}

export function getDisclosures(filters: { q?: string; region?: string; category?: string; merchant?: string; cursor?: string; limit?: number }, lang: Language): Promise<Answer<DisclosurePage>> {
  return get(`/v1/disclosures${query({ ...filters, limit: filters.limit ? String(filters.limit) : undefined })}`, lang);
}

export function getMerchantRecord(creditCode: string, lang: Language): Promise<Answer<MerchantRecord>> {
  return get(`/v1/merchants/${encodeURIComponent(creditCode)}/record`, lang);
}
