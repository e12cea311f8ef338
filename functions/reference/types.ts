import type { Label } from '../domain/i18n';

/**
 * Reference data shapes. The data lives in `seeds/*.json` and is validated
 * with zod when `functions/reference/index.ts` loads it.
 */
export interface CodeEntry {
  code: string;
  label: Label;
}

export interface Category extends CodeEntry {
  kind: 'goods' | 'services';
  /** SPEC section 3: an injury in such a category raises a safety report. */
  safetyReportable: boolean;
}

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface Region {
  /** GB/T 2260 six-digit code. */
  code: string;
  name: Label;
  level: RegionLevel;
  /** The prefecture this region belongs to (itself for a prefecture; `419001` 济源 is its own). `410000` for the province. */
  prefectureCode: string;
}

export interface Association {
  /** The region code of the prefecture it serves; `410000` for the provincial association. */
  id: string;
  name: Label;
}

export interface WorkingCalendar {
  /** Years whose official holiday schedule is in the data. */
  firstYear: number;
  lastYear: number;
  /** Public holidays (days off) as `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休) as `YYYY-MM-DD`. */
  adjustedWorkdays: ReadonlySet<string>;
}

export interface MerchantRecord {
  creditCode: string;
  name: string;
  regionCode: string;
  odr: boolean;
  /** SPEC section 9: the commitment names the guarantee fund that pays first. */
  advancePayout?: { limitFen: number; fundId: string };
  offlineNoReasonReturn: boolean;
  /** Where the merchant is notified of new cases, offer answers and disclosures (SPEC section 10). */
  contact?: { phone?: string; email?: string };
}
