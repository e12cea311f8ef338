/**
 * Reference data: code lists, Henan's regions, the consumer associations, the
 * working-day calendar and the demo merchants, read from `seeds/*.json`.
 *
 * The JSON is imported statically so esbuild bundles it into every Lambda and
 * into the web pages; nothing here may use Node-only modules. Each file is
 * validated when this module loads, so a broken seed stops the service at
 * start-up with a message naming the file and field, never mid-request.
 */
import associationsFile from '../../seeds/associations.json';
import calendarFile from '../../seeds/calendar.json';
import codesFile from '../../seeds/codes.json';
import fundsFile from '../../seeds/funds.json';
import merchantsFile from '../../seeds/merchants.json';
import regionsFile from '../../seeds/regions.json';
import { deepFreeze, InvalidSeedError, parseSeed } from './load';
import {
  associationsSeedSchema,
  calendarSeedSchema,
  codesSeedSchema,
  fundsSeedSchema,
  merchantsSeedSchema,
  provinceCode,
  regionsSeedSchema,
} from './schemas';
import type { Association, Category, CodeEntry, MerchantRecord, Region, WorkingCalendar } from './types';

export type { Association, Category, CodeEntry, MerchantRecord, Region, RegionLevel, WorkingCalendar } from './types';

/** A non-empty list of codes, the shape `z.enum(...)` takes. */
export type CodeTuple = readonly [string, ...string[]];

const codesSeed = parseSeed('codes.json', codesSeedSchema, codesFile);
const regionsSeed = parseSeed('regions.json', regionsSeedSchema, regionsFile);
const associationsSeed = parseSeed('associations.json', associationsSeedSchema, associationsFile);
const calendarSeed = parseSeed('calendar.json', calendarSeedSchema, calendarFile);
const merchantsSeed = parseSeed('merchants.json', merchantsSeedSchema, merchantsFile);
const fundsSeed = parseSeed('funds.json', fundsSeedSchema, fundsFile);

function codeTuple(entries: readonly CodeEntry[]): CodeTuple {
  const [first, ...rest] = entries.map((entry) => entry.code);
  if (first === undefined) throw new Error('A code list is empty'); // the schemas already require at least one
  return Object.freeze([first, ...rest] as const);
}

export const categories: readonly Category[] = deepFreeze(codesSeed.categories);
export const issues: readonly CodeEntry[] = deepFreeze(codesSeed.issues);
export const claimTypes: readonly CodeEntry[] = deepFreeze(codesSeed.claimTypes);
export const channels: readonly CodeEntry[] = deepFreeze(codesSeed.channels);
export const refusalReasons: readonly CodeEntry[] = deepFreeze(codesSeed.refusalReasons);
export const caseStatuses: readonly CodeEntry[] = deepFreeze(codesSeed.caseStatuses);
export const caseSteps: readonly CodeEntry[] = deepFreeze(codesSeed.caseSteps);

export const categoryCodes = codeTuple(categories);
export const issueCodes = codeTuple(issues);
export const claimTypeCodes = codeTuple(claimTypes);
export const channelCodes = codeTuple(channels);
export const refusalReasonCodes = codeTuple(refusalReasons);

const categoriesByCode = new Map(categories.map((category) => [category.code, category]));

export function categoryByCode(code: string): Category | undefined {
  return categoriesByCode.get(code);
}

export const regions: readonly Region[] = deepFreeze(regionsSeed.regions);
const regionsByCode = new Map(regions.map((region) => [region.code, region]));

export function regionByCode(code: string): Region | undefined {
  return regionsByCode.get(code);
}

/** The province, a prefecture or a county/district of Henan that the seeds know. */
export function isHenanRegionCode(code: string): boolean {
  return regionsByCode.has(code);
}

/**
 * The prefecture whose association handles a region (SPEC section 3, rule 4):
 * `410105` -> `410100`; 济源 `419001` is its own; the province `410000` maps
 * to itself. Undefined for a code the seeds do not know.
 */
export function prefectureOf(regionCode: string): string | undefined {
  return regionsByCode.get(regionCode)?.prefectureCode;
}

export const associations: readonly Association[] = deepFreeze(associationsSeed.associations);
const associationsById = new Map(associations.map((association) => [association.id, association]));

export function associationById(id: string): Association | undefined {
  return associationsById.get(id);
}

/** Every prefecture and the province have exactly one association, and no association serves anything else. */
function checkAssociationsMatchRegions(): void {
  const served = [provinceCode, ...regions.filter((region) => region.level === 'prefecture').map((region) => region.code)];
  const problems: string[] = [];
  associations.forEach((association, index) => {
    if (!served.includes(association.id)) problems.push(`associations.${index}.id: "${association.id}" is neither ${provinceCode} nor a prefecture in regions.json`);
  });
  for (const id of served) {
    if (!associationsById.has(id)) problems.push(`associations: no association serves ${id} (${regionByCode(id)?.name['zh-CN']})`);
  }
  if (problems.length > 0) throw new InvalidSeedError('associations.json', problems);
}
checkAssociationsMatchRegions();

export const calendar: WorkingCalendar = Object.freeze({
  firstYear: calendarSeed.firstYear,
  lastYear: calendarSeed.lastYear,
  holidays: new Set(calendarSeed.holidays),
  adjustedWorkdays: new Set(calendarSeed.adjustedWorkdays),
});

/** Fictional merchants the local stack registers so the demo has ODR, advance-payout and mediation cases. */
export const demoMerchants: readonly MerchantRecord[] = deepFreeze(merchantsSeed.merchants);

function checkMerchantRegions(): void {
  const problems = demoMerchants.flatMap((merchant, index) =>
    isHenanRegionCode(merchant.regionCode) ? [] : [`merchants.${index}.regionCode: "${merchant.regionCode}" is not in regions.json`],
  );
  if (problems.length > 0) throw new InvalidSeedError('merchants.json', problems);
}
checkMerchantRegions();

/** Fictional guarantee funds the demo merchants' commitments name (registry fields only). */
export const demoFunds = deepFreeze(fundsSeed.funds);

function checkFundReferences(): void {
  const associationIds = new Set(associationsSeed.associations.map((a) => a.id));
  const fundIds = new Set(demoFunds.map((f) => f.fundId));
  const problems = [
    ...demoFunds.flatMap((fund, index) => (associationIds.has(fund.associationId) ? [] : [`funds.${index}.associationId: "${fund.associationId}" is not in associations.json`])),
    ...demoMerchants.flatMap((merchant, index) => (!merchant.advancePayout || fundIds.has(merchant.advancePayout.fundId) ? [] : [`merchants.${index}.advancePayout.fundId: "${merchant.advancePayout.fundId}" is not in funds.json`])),
  ];
  if (problems.length > 0) throw new InvalidSeedError('funds.json', problems);
}
checkFundReferences();

/** The body of `GET /v1/codes`. */
export interface CodesDocument {
  categories: readonly Category[];
  issues: readonly CodeEntry[];
  claimTypes: readonly CodeEntry[];
  channels: readonly CodeEntry[];
  refusalReasons: readonly CodeEntry[];
  caseStatuses: readonly CodeEntry[];
  caseSteps: readonly CodeEntry[];
  regions: readonly Region[];
  associations: readonly Association[];
}

const codesBody: CodesDocument = Object.freeze({
  categories,
  issues,
  claimTypes,
  channels,
  refusalReasons,
  caseStatuses,
  caseSteps,
  regions,
  associations,
});

export function codesDocument(): CodesDocument {
  return codesBody;
}
