import * as z from 'zod';
import { dayOfWeek, isCalendarDate } from '../domain/calendar/dates';
import { isValidCreditCode } from '../domain/complaints/credit-code';

/**
 * One zod schema per seed file. Objects are strict, so a misspelt field in a
 * seed fails at load instead of being ignored. Checks that span two files
 * (associations -> regions, merchants -> regions) are in `index.ts`.
 */

const text = z.string().trim().min(1, { error: 'must not be empty' });
const source = text;

export const labelSchema = z.strictObject({ 'zh-CN': text, en: text });

const codeSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'must be snake_case ASCII' });
const henanRegionCodeSchema = z.string().regex(/^41\d{4}$/, { error: 'must be a six-digit Henan (41xxxx) region code' });
const dateSchema = z.string().refine(isCalendarDate, { error: 'must be a YYYY-MM-DD calendar date' });

/** Reports every repeated key at its own path, e.g. `issues.4.code`. */
function requireUnique<T>(key: (item: T) => string, field: string) {
  return (items: readonly T[], context: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value)) context.addIssue({ code: 'custom', path: field ? [index, field] : [index], message: `duplicate "${value}"`, input: value });
      seen.add(value);
    });
  };
}

export const codeEntrySchema = z.strictObject({ code: codeSchema, label: labelSchema });

export const categorySchema = z.strictObject({
  code: codeSchema,
  label: labelSchema,
  kind: z.enum(['goods', 'services']),
  safetyReportable: z.boolean(),
});

const codeList = z.array(codeEntrySchema).min(1).superRefine(requireUnique((entry) => entry.code, 'code'));

export const codesSeedSchema = z.strictObject({
  source,
  categories: z.array(categorySchema).min(1).superRefine(requireUnique((entry) => entry.code, 'code')),
  issues: codeList,
  claimTypes: codeList,
  channels: codeList,
  refusalReasons: codeList,
  caseStatuses: codeList,
  caseSteps: codeList,
});

export const regionSchema = z.strictObject({
  code: henanRegionCodeSchema,
  name: labelSchema,
  level: z.enum(['province', 'prefecture', 'county']),
  prefectureCode: henanRegionCodeSchema,
});

export const provinceCode = '410000';

export const regionsSeedSchema = z
  .strictObject({
    source,
    regions: z.array(regionSchema).min(1).superRefine(requireUnique((region) => region.code, 'code')),
  })
  .superRefine(({ regions }, context) => {
    const prefectures = new Set(regions.filter((region) => region.level === 'prefecture').map((region) => region.code));
    const provinces = regions.filter((region) => region.level === 'province');
    if (provinces.length !== 1 || provinces[0]?.code !== provinceCode) {
      context.addIssue({ code: 'custom', path: ['regions'], message: `must hold exactly one province, ${provinceCode}`, input: regions });
    }
    regions.forEach((region, index) => {
      const expected =
        region.level === 'county' ? prefectures.has(region.prefectureCode) : region.prefectureCode === region.code;
      if (!expected) {
        const rule = region.level === 'county' ? 'must name a prefecture in this file' : 'must be the region\'s own code';
        context.addIssue({ code: 'custom', path: ['regions', index, 'prefectureCode'], message: rule, input: region.prefectureCode });
      }
    });
  });

export const calendarSeedSchema = z
  .strictObject({
    source,
    firstYear: z.number().int().min(1949).max(9999),
    lastYear: z.number().int().min(1949).max(9999),
    holidays: z.array(dateSchema).superRefine(requireUnique((date) => date, '')),
    adjustedWorkdays: z.array(dateSchema).superRefine(requireUnique((date) => date, '')),
  })
  .superRefine((seed, context) => {
    if (seed.firstYear > seed.lastYear) {
      context.addIssue({ code: 'custom', path: ['lastYear'], message: 'must not be before firstYear', input: seed.lastYear });
    }
    const holidays = new Set(seed.holidays);
    const inCoveredYears = (date: string) => {
      const year = Number(date.slice(0, 4));
      return year >= seed.firstYear && year <= seed.lastYear;
    };
    seed.holidays.forEach((date, index) => {
      if (isCalendarDate(date) && !inCoveredYears(date)) {
        context.addIssue({ code: 'custom', path: ['holidays', index], message: 'lies outside firstYear..lastYear', input: date });
      }
    });
    seed.adjustedWorkdays.forEach((date, index) => {
      if (!isCalendarDate(date)) return;
      const weekday = dayOfWeek(date);
      // 调休 only ever turns a weekend day into a working day.
      if (weekday !== 0 && weekday !== 6) context.addIssue({ code: 'custom', path: ['adjustedWorkdays', index], message: 'is not a Saturday or Sunday', input: date });
      if (holidays.has(date)) context.addIssue({ code: 'custom', path: ['adjustedWorkdays', index], message: 'is also listed as a holiday', input: date });
      if (!inCoveredYears(date)) context.addIssue({ code: 'custom', path: ['adjustedWorkdays', index], message: 'lies outside firstYear..lastYear', input: date });
    });
  });

export const associationSchema = z.strictObject({
  id: z.string().regex(/^\d{6}$/, { error: 'must be a six-digit region code' }),
  name: labelSchema,
});

export const associationsSeedSchema = z.strictObject({
  source,
  associations: z.array(associationSchema).min(1).superRefine(requireUnique((association) => association.id, 'id')),
});

export const merchantSchema = z.strictObject({
  creditCode: z.string().refine(isValidCreditCode, { error: 'must be an 18-character GB 32100 credit code with a correct check character' }),
  name: text,
  regionCode: henanRegionCodeSchema,
  odr: z.boolean(),
  advancePayout: z.strictObject({ limitFen: z.number().int().positive(), fundId: z.string().min(1) }).optional(),
  offlineNoReasonReturn: z.boolean(),
});

/** Guarantee funds' registry fields (the money comes from deposits, never from seeds). */
export const fundsSeedSchema = z.strictObject({
  source,
  funds: z
    .array(
      z.strictObject({
        fundId: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/),
        name: text,
        kind: z.enum(['guarantee', 'quality_deposit']),
        associationId: z.string().regex(/^\d{6}$/),
        perCaseLimitFen: z.number().int().positive(),
      }),
    )
    .superRefine(requireUnique((fund) => fund.fundId, 'fundId')),
});

export const merchantsSeedSchema = z.strictObject({
  source,
  merchants: z.array(merchantSchema).superRefine(requireUnique((merchant) => merchant.creditCode, 'creditCode')),
});
