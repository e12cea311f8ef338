import { collectiveCandidates, collectiveWindow, countsTowardsCollective, memberEntry, membersInWindow, type CaseSummary, type GroupMonth } from '../../../functions/domain/routing/collective';
import { duplicateKey, merchantKey } from '../../../functions/domain/routing/duplicate-key';

const complaint = (overrides: { phone?: string; merchant?: { name: string; creditCode?: string }; orderRef?: string; date?: string; amountFen?: number } = {}) => ({
  consumer: { name: '张三', phone: overrides.phone ?? '13800138000', regionCode: '410105' },
  merchant: overrides.merchant ?? { name: '郑州某某电器有限公司', creditCode: '91410105MA45K7Q29L' },
  purchase: { date: overrides.date ?? '2026-10-01', amountFen: overrides.amountFen ?? 129900, channel: 'online' as const, ...('orderRef' in overrides ? { orderRef: overrides.orderRef } : { orderRef: 'JD-20261001-8841' }) },
});

describe('the duplicate key: same consumer, same merchant, same order', () => {
  test('the same order typed differently is the same key', () => {
    expect(duplicateKey(complaint({ orderRef: 'jd 20261001 8841' }))).toBe(duplicateKey(complaint()));
    expect(duplicateKey(complaint({ orderRef: 'ＪＤ－２０２６１００１－８８４１' }))).toBe(duplicateKey(complaint()));
  });

  test('another consumer, merchant or order is another key', () => {
    const key = duplicateKey(complaint());
    expect(duplicateKey(complaint({ phone: '13900139000' }))).not.toBe(key);
    expect(duplicateKey(complaint({ merchant: { name: '郑州某某电器有限公司', creditCode: '91410182MA46CW8R4N' } }))).not.toBe(key);
    expect(duplicateKey(complaint({ orderRef: 'JD-20261001-8842' }))).not.toBe(key);
  });

  test('without an order number the purchase date and amount stand for the order', () => {
    const key = duplicateKey(complaint({ orderRef: undefined }));
    expect(duplicateKey(complaint({ orderRef: undefined }))).toBe(key);
    expect(duplicateKey(complaint({ orderRef: '  ' }))).toBe(key);
    expect(duplicateKey(complaint({ orderRef: undefined, date: '2026-10-02' }))).not.toBe(key);
    expect(duplicateKey(complaint({ orderRef: undefined, amountFen: 129901 }))).not.toBe(key);
  });

  test('holds no phone number, only a hash', () => {
    expect(duplicateKey(complaint())).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a merchant without a credit code is known by its name, however it is spaced or punctuated', () => {
    expect(merchantKey({ name: '新乡市 老街·烧烤店' })).toBe(merchantKey({ name: '新乡市老街烧烤店' }));
    expect(merchantKey({ name: '新乡市老街烧烤店', creditCode: '92410702MA4GHT6W04' })).toBe('CC:92410702MA4GHT6W04');
  });
});

describe('the collective-action window', () => {
  test('is the 90 days ending today, and the months they touch', () => {
    expect(collectiveWindow('2026-11-26')).toEqual({ from: '2026-08-29', to: '2026-11-26', months: ['2026-08', '2026-09', '2026-10', '2026-11'] });
    expect(collectiveWindow('2027-01-15').months).toEqual(['2026-10', '2026-11', '2026-12', '2027-01']);
  });

  const group = (members: string[], overrides: Partial<GroupMonth> = {}): GroupMonth => ({ merchantKey: 'CC:91410182MA46CW8R4N', merchantName: '荥阳某某家具城有限公司', category: 'daily_goods', members, ...overrides });
  const summary = (caseId: string, overrides: Partial<CaseSummary> = {}): CaseSummary => ({ caseId, receivedAt: `2026-11-0${caseId.slice(-1)}T02:00:00Z`, status: 'accepted', step: 'mediation', ...overrides });

  test('five cases within the window make a candidate; the fifth one 90 days back does not count', () => {
    const window = collectiveWindow('2026-11-26');
    const inside = ['C1', 'C2', 'C3', 'C4'].map((id) => memberEntry('2026-11-01', id));
    const onTheEdge = memberEntry('2026-08-29', 'C5');
    const outside = memberEntry('2026-08-28', 'C6');
    const summaries = new Map(['C1', 'C2', 'C3', 'C4', 'C5', 'C6'].map((id) => [id, summary(id)]));

    expect(collectiveCandidates(membersInWindow([group([...inside, onTheEdge])], window), summaries)).toEqual([
      expect.objectContaining({ caseCount: 5, merchant: { name: '荥阳某某家具城有限公司' } }),
    ]);
    expect(collectiveCandidates(membersInWindow([group([...inside, outside])], window), summaries)).toEqual([]);
  });

  test('cases over several months add up; other categories are other groups', () => {
    const window = collectiveWindow('2026-11-26');
    const months = [group([memberEntry('2026-09-10', 'A1'), memberEntry('2026-09-20', 'A2')]), group([memberEntry('2026-10-01', 'A3')]), group([memberEntry('2026-11-03', 'A4')]), group([memberEntry('2026-11-04', 'A5')], { category: 'housing' })];
    const summaries = new Map(['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => [id, summary(id)]));
    expect(collectiveCandidates(membersInWindow(months, window), summaries)).toEqual([]);
    const fifth = group([memberEntry('2026-11-05', 'A6')]);
    summaries.set('A6', summary('A6'));
    // Oldest first, by when each was filed.
    expect(collectiveCandidates(membersInWindow([...months, fifth], window), summaries)[0]?.cases.map((c) => c.caseId)).toEqual(['A1', 'A2', 'A3', 'A4', 'A6']);
  });

  test('open and closed cases count; refused, withdrawn and never-accepted closed ones do not', () => {
    expect(countsTowardsCollective({ status: 'received', step: null })).toBe(true);
    expect(countsTowardsCollective({ status: 'accepted', step: 'odr' })).toBe(true);
    expect(countsTowardsCollective({ status: 'resolved', step: 'mediation' })).toBe(true);
    expect(countsTowardsCollective({ status: 'unresolved', step: 'mediation' })).toBe(true);
    expect(countsTowardsCollective({ status: 'closed', step: 'advance_payout' })).toBe(true);
    expect(countsTowardsCollective({ status: 'not_accepted', step: null })).toBe(false);
    expect(countsTowardsCollective({ status: 'withdrawn', step: 'odr' })).toBe(false);
    expect(countsTowardsCollective({ status: 'closed', step: null })).toBe(false);
  });
});
