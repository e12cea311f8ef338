import { isSpecificName, lastDayToFile, triage } from '../../../functions/domain/routing';
import { calendar } from '../../../functions/reference';
import { complaintFacts, unregisteredMerchant } from './fixtures';

describe('acceptance triage before routing', () => {
  test.each([
    { name: '同一消费者、同一商家、同一订单已有正在处理的投诉', facts: complaintFacts({ openCaseExists: true }), expected: { outcome: 'refuse', reason: 'duplicate' } },
    {
      name: 'a duplicate is reported as such even when also time-barred',
      facts: complaintFacts({ openCaseExists: true, purchase: { date: '2020-05-01' }, knownSince: '2020-05-01' }),
      expected: { outcome: 'refuse', reason: 'duplicate' },
    },
    { name: '2023-03-15 发现问题，2026-03-15 投诉：正好三年，仍受理', facts: complaintFacts({ purchase: { date: '2023-03-01' }, knownSince: '2023-03-15', filedOn: '2026-03-15' }), expected: { outcome: 'accept' } },
    {
      name: '2023-03-15 发现问题，2026-03-16（周一）投诉：期满日 2026-03-15 是周日，顺延至周一，仍受理（民法典第二百零三条）',
      facts: complaintFacts({ purchase: { date: '2023-03-01' }, knownSince: '2023-03-15', filedOn: '2026-03-16' }),
      expected: { outcome: 'accept' },
    },
    { name: '2023-03-15 发现问题，2026-03-17 投诉：超过顺延后的最后一日', facts: complaintFacts({ purchase: { date: '2023-03-01' }, knownSince: '2023-03-15', filedOn: '2026-03-17' }), expected: { outcome: 'refuse', reason: 'time_barred' } },
    { name: 'known on 29 Feb 2024, filed 28 Feb 2027: within the period, accepted', facts: complaintFacts({ purchase: { date: '2024-02-20' }, knownSince: '2024-02-29', filedOn: '2027-02-28' }), expected: { outcome: 'accept' } },
    {
      name: 'known on 29 Feb 2024, filed Mon 1 Mar 2027: the period ends on Sunday 28 Feb, so Monday is the last day, accepted',
      facts: complaintFacts({ purchase: { date: '2024-02-20' }, knownSince: '2024-02-29', filedOn: '2027-03-01' }),
      expected: { outcome: 'accept' },
    },
    { name: 'known on 29 Feb 2024, filed 2 Mar 2027: time-barred', facts: complaintFacts({ purchase: { date: '2024-02-20' }, knownSince: '2024-02-29', filedOn: '2027-03-02' }), expected: { outcome: 'refuse', reason: 'time_barred' } },
    { name: 'known on 28 Feb 2025, filed 29 Feb 2028: one day late', facts: complaintFacts({ purchase: { date: '2025-02-01' }, knownSince: '2025-02-28', filedOn: '2028-02-29' }), expected: { outcome: 'refuse', reason: 'time_barred' } },
    { name: 'known on 29 Feb 2028, filed 28 Feb 2031', facts: complaintFacts({ purchase: { date: '2028-02-01' }, knownSince: '2028-02-29', filedOn: '2031-02-28' }), expected: { outcome: 'accept' } },
    { name: '商家名称填“不知道”，无信用代码、平台、地址', facts: complaintFacts({ merchant: unregisteredMerchant({ name: '不知道' }) }), expected: { outcome: 'refuse', reason: 'no_respondent' } },
    { name: '商家名称填“ 卖家！ ”', facts: complaintFacts({ merchant: unregisteredMerchant({ name: ' 卖家！ ', regionCode: '410105' }) }), expected: { outcome: 'refuse', reason: 'no_respondent' } },
    { name: '商家名称只有一个字', facts: complaintFacts({ merchant: unregisteredMerchant({ name: '张' }) }), expected: { outcome: 'refuse', reason: 'no_respondent' } },
    { name: 'a merchant "name" that is a number', facts: complaintFacts({ merchant: unregisteredMerchant({ name: '12345' }) }), expected: { outcome: 'refuse', reason: 'no_respondent' } },
    { name: '名称不详但在拼多多购买：平台须披露卖家', facts: complaintFacts({ merchant: unregisteredMerchant({ name: '不知道', platform: '拼多多' }) }), expected: { outcome: 'accept' } },
    { name: '名称不详但有店铺地址', facts: complaintFacts({ merchant: unregisteredMerchant({ name: '商家', address: '郑州市金水区某路 88 号' }) }), expected: { outcome: 'accept' } },
    { name: '只有一个信用代码', facts: complaintFacts({ merchant: { name: '未知', creditCode: '91410105MA45K7Q29L', registered: undefined } }), expected: { outcome: 'accept' } },
    { name: '只有商家名称“王记水果店”：调解员核实被投诉人', facts: complaintFacts({ merchant: unregisteredMerchant({ name: '王记水果店', regionCode: '410105' }) }), expected: { outcome: 'review', reason: 'respondent_by_name_only' } },
    { name: '诉求类型为“其他”', facts: complaintFacts({ claim: { type: 'other', amountFen: undefined } }), expected: { outcome: 'review', reason: 'unclear_request' } },
    { name: '登记商家的普通退款投诉', facts: complaintFacts(), expected: { outcome: 'accept' } },
  ])('$name', ({ facts, expected }) => {
    expect(triage(facts, calendar)).toMatchObject(expected);
  });

  test('a refusal explains itself in both languages, with the last day to file', () => {
    const outcome = triage(complaintFacts({ purchase: { date: '2023-03-01' }, knownSince: '2023-03-15', filedOn: '2026-03-17' }), calendar);
    expect(outcome).toMatchObject({ outcome: 'refuse', reason: 'time_barred' });
    if (outcome.outcome !== 'refuse') throw new Error('expected a refusal');
    expect(outcome.explanation['zh-CN']).toContain('2026-03-16');
    expect(outcome.explanation.en).toContain('2026-03-16');
  });
});

describe('the 3-year time bar, counted by calendar date and ending on a working day (Civil Code art. 203)', () => {
  test.each([
    ['2023-03-15', '2026-03-16'], // 2026-03-15 is a Sunday
    ['2023-03-13', '2026-03-13'],
    ['2023-12-31', '2026-12-31'],
    ['2023-10-01', '2026-10-08'], // 2026-10-01 is National Day: the first working day after the Golden Week
    ['2024-02-29', '2027-03-01'], // 2027-02-28 is a Sunday
    ['2025-02-28', '2028-02-28'],
    ['2025-03-01', '2028-03-01'],
    ['2028-02-29', '2031-02-28'],
  ])('harm known on %s may be complained about until %s', (knownSince, lastDay) => {
    expect(lastDayToFile(knownSince, calendar)).toBe(lastDay);
  });
});

describe('merchant names that identify someone', () => {
  test.each(['郑州某某电器有限公司', '王记水果店', '7-Eleven', 'ＡＢ超市', '某某家电城（金水店）'])('%s is specific', (name) => {
    expect(isSpecificName(name)).toBe(true);
  });
  test.each(['', '  ', '无', '不清楚', '某某', 'Unknown', 'N/A', '？？？', '网店', '0371'])('"%s" is not', (name) => {
    expect(isSpecificName(name)).toBe(false);
  });
});
