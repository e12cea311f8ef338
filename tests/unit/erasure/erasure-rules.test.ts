import { erasedComplaint, erasureChange, eventsWithText } from '../../../functions/domain/erasure/erase-case';
import { addYears, erasureDueOn, isErasureDue, isIntakeExpired, nextPrivacyDeadline, startOfChinaDay } from '../../../functions/domain/erasure/retention';
import { prefectureOf } from '../../../functions/reference';
import { validComplaint } from '../../fixtures/complaints';
import type { CaseRecord } from '../../../functions/domain/complaints/case';
import type { ComplaintInput } from '../../../functions/domain/complaints/intake-schema';

const complaint = validComplaint({ injury: { occurred: true, description: '手背烫伤' } }) as unknown as ComplaintInput;

describe('when personal data goes', () => {
  it('erases from the China day 3 years after closing, never a day early (29 February -> 1 March)', () => {
    expect(erasureDueOn('2026-11-29')).toBe('2029-11-29');
    expect(addYears('2028-02-29', 3)).toBe('2031-03-01');
    expect(startOfChinaDay('2029-11-29')).toBe('2029-11-28T16:00:00.000Z');
    const closed = { closedOn: '2026-11-29' } as Pick<CaseRecord, 'closedOn' | 'erased'>;
    expect(isErasureDue(closed, new Date('2029-11-28T15:59:59.999Z'))).toBe(false);
    expect(isErasureDue(closed, new Date('2029-11-28T16:00:00.000Z'))).toBe(true);
    expect(isErasureDue({ ...closed, erased: true }, new Date('2035-01-01T00:00:00Z'))).toBe(false);
  });

  it('takes the sealed intake answer first, 24 hours after filing, then the erasure, then nothing', () => {
    const receivedAt = '2026-11-29T02:00:00.000Z';
    const intake = { keyHash: 'k', fingerprint: 'f', accessCode: { iv: '', data: '', tag: '' }, deadline: null };
    expect(nextPrivacyDeadline({ receivedAt, intake, closedOn: '2026-11-29' })).toEqual({ kind: 'intake', at: '2026-11-30T02:00:00.000Z' });
    expect(nextPrivacyDeadline({ receivedAt, closedOn: '2026-11-29' })).toEqual({ kind: 'erasure', at: '2029-11-28T16:00:00.000Z' });
    expect(nextPrivacyDeadline({ receivedAt })).toBeUndefined();
    expect(nextPrivacyDeadline({ receivedAt, closedOn: '2026-11-29', erased: true })).toBeUndefined();
    expect(isIntakeExpired({ receivedAt, intake }, new Date('2026-11-30T01:59:59.999Z'))).toBe(false);
    expect(isIntakeExpired({ receivedAt, intake }, new Date('2026-11-30T02:00:00.000Z'))).toBe(true);
  });
});

describe('what erasure leaves', () => {
  it('keeps the prefecture of the consumer and what statistics count, nothing that names or describes the person', () => {
    const erased = erasedComplaint(complaint, prefectureOf);
    expect(erased.consumer).toEqual({ regionCode: '410100' });
    expect(erased.injury).toEqual({ occurred: true });
    expect(erased.purchase).toEqual({ date: '2026-10-01', amountFen: 129900, channel: 'online' });
    expect(erased).not.toHaveProperty('description');
    expect(erased).toMatchObject({ category: 'appliances', issue: 'quality', merchant: complaint.merchant, claim: complaint.claim, knownSince: '2026-10-05' });
    expect(erasedComplaint({ ...complaint, consumer: { ...complaint.consumer, regionCode: '419001' } }, prefectureOf).consumer.regionCode).toBe('419001');
  });

  it('strips offer and agreement terms and the rating comment, keeps amounts and the rating, and records the erasure as a system event', () => {
    const record = {
      caseId: 'HN2611-AAAA-BBBB',
      version: 9,
      status: 'closed',
      step: 'mediation',
      complaint,
      offers: [{ id: 1, by: 'mediator', amountFen: 100, terms: '退款', at: 'x', status: 'accepted' }],
      agreement: { source: 'offer', terms: '退款', recoveredFen: 100, at: 'x' },
      rating: { rating: 4, comment: '谢谢王经理', at: 'x' },
    } as unknown as CaseRecord;
    const change = erasureChange(record, new Date('2029-12-01T00:00:00Z'), prefectureOf);
    expect(change.set).toMatchObject({ erased: true, offers: [{ id: 1, amountFen: 100, status: 'accepted' }], agreement: { recoveredFen: 100 }, rating: { rating: 4 } });
    expect(JSON.stringify(change.set)).not.toMatch(/退款|谢谢|张三|13800138000|烫伤/);
    expect(change.remove).toContain('intake');
    expect(change.event).toMatchObject({ actor: 'system', type: 'personal_data_erased', status: 'closed', step: 'mediation' });
    expect(eventsWithText([{ seq: 1, at: '', actor: 'consumer', type: 'filed', status: 'received', step: null }, { seq: 2, at: '', actor: 'consumer', type: 'add_info', status: 'accepted', step: 'mediation', text: 'x' }])).toEqual([2]);
  });
});
