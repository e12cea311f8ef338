import { associationFor, safetyReportRequired } from '../../../functions/domain/routing';
import { categories as seededCategories, prefectureOf as seededPrefectureOf } from '../../../functions/reference';
import { prefectureOf } from './fixtures';

const categories = [
  { code: 'ebikes', safetyReportable: true },
  { code: 'children', safetyReportable: true },
  { code: 'food', safetyReportable: false },
];

describe('a safety report is raised for an injury in a safety-reportable category', () => {
  test.each([
    ['电动自行车充电时起火，消费者烧伤', 'ebikes', true, true],
    ['儿童玩具小零件致儿童误吞', 'children', true, true],
    ['电动自行车电池续航不足，无人受伤', 'ebikes', false, false],
    ['食品变质致腹泻 (food is not safety-reportable)', 'food', true, false],
    ['a category the list does not know', 'spaceflight', true, false],
  ])('%s', (_label, category, occurred, expected) => {
    expect(safetyReportRequired(category, { occurred }, categories)).toBe(expected);
  });

  test.each(['appliances', 'vehicles', 'ebikes', 'children'])('the shipped categories flag %s', (category) => {
    expect(safetyReportRequired(category, { occurred: true }, seededCategories)).toBe(true);
  });

  test('the shipped categories flag exactly the four SPEC marks with *', () => {
    const flagged = seededCategories.filter((c) => safetyReportRequired(c.code, { occurred: true }, seededCategories)).map((c) => c.code);
    expect(flagged.sort()).toEqual(['appliances', 'children', 'ebikes', 'vehicles']);
  });
});

describe("associationFor: the merchant's prefecture, else the consumer's, else the province", () => {
  test.each([
    ['a district merchant', '410105', '411302', '410100'],
    ['济源 is its own prefecture', '419001', '410105', '419001'],
    ['no merchant region', undefined, '410702', '410700'],
    ['an unknown merchant region', '330106', '410702', '410700'],
    ['a consumer registered at province level', undefined, '410000', '410000'],
    ['nothing known', undefined, '999999', '410000'],
    ['nothing given', undefined, undefined, '410000'],
  ])('%s', (_label, merchantRegion, consumerRegion, expected) => {
    expect(associationFor(merchantRegion, consumerRegion, prefectureOf)).toBe(expected);
  });

  test.each([
    ['金水区', '410105', '410100'],
    ['济源市', '419001', '419001'],
    ['宛城区', '411302', '411300'],
  ])('with the shipped region seeds, %s (%s) is handled by %s', (_name, region, expected) => {
    expect(associationFor(region, undefined, seededPrefectureOf)).toBe(expected);
  });
});
