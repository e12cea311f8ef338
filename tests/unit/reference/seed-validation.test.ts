import associationsFile from '../../../seeds/associations.json';
import calendarFile from '../../../seeds/calendar.json';
import codesFile from '../../../seeds/codes.json';
import merchantsFile from '../../../seeds/merchants.json';
import regionsFile from '../../../seeds/regions.json';
import { InvalidSeedError, parseSeed } from '../../../functions/reference/load';
import {
  associationsSeedSchema,
  calendarSeedSchema,
  codesSeedSchema,
  merchantsSeedSchema,
  regionsSeedSchema,
} from '../../../functions/reference/schemas';

/** A deep copy to break on purpose. */
const copy = <T>(value: T): T => structuredClone(value);

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidSeedError) return error.message;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

describe('seed validation', () => {
  it('accepts every shipped seed file', () => {
    expect(() => parseSeed('codes.json', codesSeedSchema, codesFile)).not.toThrow();
    expect(() => parseSeed('regions.json', regionsSeedSchema, regionsFile)).not.toThrow();
    expect(() => parseSeed('associations.json', associationsSeedSchema, associationsFile)).not.toThrow();
    expect(() => parseSeed('calendar.json', calendarSeedSchema, calendarFile)).not.toThrow();
    expect(() => parseSeed('merchants.json', merchantsSeedSchema, merchantsFile)).not.toThrow();
  });

  it('names the file and the field of a missing label', () => {
    const broken = copy(codesFile) as { categories: Array<{ label: Record<string, string> }> };
    delete broken.categories[2]!.label.en;
    expect(problemsOf(() => parseSeed('codes.json', codesSeedSchema, broken))).toMatch(/^seeds\/codes\.json is invalid: categories\.2\.label\.en: /);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const broken = copy(codesFile) as { categories: Array<Record<string, unknown>> };
    broken.categories[0]!.safetyReportabel = true;
    expect(problemsOf(() => parseSeed('codes.json', codesSeedSchema, broken))).toContain('categories.0');
  });

  it('rejects a duplicated code at its position', () => {
    const broken = copy(codesFile);
    broken.issues.push(copy(broken.issues[0]!));
    expect(problemsOf(() => parseSeed('codes.json', codesSeedSchema, broken))).toContain(`issues.${broken.issues.length - 1}.code: duplicate "quality"`);
  });

  it('rejects a county whose prefecture is not in the file', () => {
    const broken = copy(regionsFile);
    const index = broken.regions.findIndex((region) => region.code === '410105');
    broken.regions[index]!.prefectureCode = '419000';
    expect(problemsOf(() => parseSeed('regions.json', regionsSeedSchema, broken))).toContain(`regions.${index}.prefectureCode: must name a prefecture`);
  });

  it('rejects an adjusted working day that is not a weekend day, and an impossible date', () => {
    const broken = copy(calendarFile);
    broken.adjustedWorkdays.push('2026-10-08');
    broken.holidays.push('2026-02-30');
    const message = problemsOf(() => parseSeed('calendar.json', calendarSeedSchema, broken));
    expect(message).toContain(`adjustedWorkdays.${broken.adjustedWorkdays.length - 1}: is not a Saturday or Sunday`);
    expect(message).toContain(`holidays.${broken.holidays.length - 1}: must be a YYYY-MM-DD calendar date`);
  });

  it('rejects holidays outside the years the file claims to cover', () => {
    const broken = copy(calendarFile);
    broken.holidays.push(`${broken.lastYear + 1}-01-01`);
    expect(problemsOf(() => parseSeed('calendar.json', calendarSeedSchema, broken))).toContain('lies outside firstYear..lastYear');
  });

  it('rejects a merchant whose credit code has a wrong check character', () => {
    const broken = copy(merchantsFile);
    const code = broken.merchants[0]!.creditCode;
    broken.merchants[0]!.creditCode = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    expect(problemsOf(() => parseSeed('merchants.json', merchantsSeedSchema, broken))).toContain('merchants.0.creditCode');
  });
});
