import { chinaDate } from '../../../functions/domain/calendar/dates';
import { isValidCreditCode } from '../../../functions/domain/complaints/credit-code';
import { parseComplaint } from '../../../functions/domain/complaints/intake-schema';
import { demoSeedSchema } from '../../../functions/reference/demo-seed-schema';
import { parseSeed } from '../../../functions/reference/load';
import seedFile from '../../../seeds/demo-complaints.json';
import { demoComplaint, demoComplaints } from '../../../bin/demo/complaints';
import { demoMerchants, demoSeed } from '../../../bin/demo/demo-seed';

/** `seeds/demo-complaints.json` and the complaints `npm run demo` makes of it. */
const anchor = new Date('2026-11-29T08:00:00.000Z');
const complaints = demoComplaints(2000, anchor, 'test');

test('the seed file is valid and names its source', () => {
  expect(() => parseSeed('demo-complaints.json', demoSeedSchema, seedFile)).not.toThrow();
  expect(demoSeed.source).toMatch(/中国消费者协会/);
});

test('every demo merchant has a distinct, valid credit code', () => {
  expect(demoMerchants.every((merchant) => isValidCreditCode(merchant.creditCode))).toBe(true);
  expect(new Set(demoMerchants.map((merchant) => merchant.creditCode)).size).toBe(demoMerchants.length);
});

test('complaints are ones the intake accepts on the day they are received', () => {
  // A disclosure-only complaint needs a verified phone: the demo asks for a code at filing (bin/demo/case-walk.ts); here, one of the right form.
  const asFiled = (body: Record<string, unknown>) => ((body.claim as { type: string }).type === 'disclosure_only' ? { ...body, verification: { verificationId: 'demoVerification1', code: '123456' } } : body);
  // Every 5th over the whole year: the intake schema is rebuilt for each new day, which is slow for 2,000.
  for (const complaint of complaints.filter((_, index) => index % 5 === 0)) expect(() => parseComplaint(asFiled(complaint.body), chinaDate(complaint.receivedAt), 'zh-CN')).not.toThrow();
});

test('the same number gives the same complaint on every run', () => {
  expect(demoComplaint(17, anchor, 'test')).toEqual(demoComplaint(17, anchor, 'test'));
});

test('issues and categories follow the seed shares', () => {
  const share = (field: 'issue' | 'category', code: string) => complaints.filter((complaint) => complaint.body[field] === code).length / complaints.length;
  // After-sales is 36.77 % of the published issues, contract 23.68 %: within a few points on 2,000 draws.
  expect(share('issue', 'after_sales')).toBeCloseTo(0.3677, 1);
  expect(share('issue', 'contract')).toBeCloseTo(0.2368, 1);
  expect(share('category', 'life_services')).toBeGreaterThan(share('category', 'postal'));
});

test('consumers come from all 18 prefectures', () => {
  const prefectures = new Set(complaints.map((complaint) => {
    const code = (complaint.body.consumer as { regionCode: string }).regionCode;
    return code === '419001' ? code : `${code.slice(0, 4)}00`;
  }));
  expect(prefectures.size).toBe(18);
});
