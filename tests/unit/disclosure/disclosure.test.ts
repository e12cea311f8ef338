import fc from 'fast-check';
import { snapshotOf } from '../../../functions/domain/cases/snapshot';
import type { CaseRecord } from '../../../functions/domain/complaints/case';
import {
  becomesCandidate,
  disclosureAfter,
  disclosureSnapshot,
  isDueForPublication,
  newCandidacy,
  publicDisclosure,
  publicRefFrom,
  publicRefPattern,
} from '../../../functions/domain/disclosure';
import { decide } from '../../../functions/domain/lifecycle';
import { calendar, prefectureOf } from '../../../functions/reference';
import { complaintFrom, filedCase } from '../statistics/support/case-histories';

const closedCase = (overrides: Partial<CaseRecord> = {}): CaseRecord => {
  const { record } = filedCase('HN2603-AAAA-BBBB', complaintFrom({ category: 0, issue: 0, consumerRegion: 0, merchantRegion: 1, withMerchantRegion: true, injury: false }), new Date('2026-03-02T02:00:00Z'));
  return { ...record, status: 'closed', step: 'mediation', outcome: 'resolved', closedOn: '2026-04-20', acceptedOn: '2026-03-03', associationId: '410100', version: 6, ...overrides };
};

describe('becoming a disclosure candidate', () => {
  it('happens when an accepted case closes, or on entering the disclosure step; never for refused cases, never twice', () => {
    const open = { step: 'mediation' as const };
    expect(becomesCandidate(open, { status: 'closed', step: 'mediation' })).toBe(true);
    expect(becomesCandidate({ step: null }, { status: 'accepted', step: 'disclosure' })).toBe(true);
    expect(becomesCandidate({ step: null }, { status: 'closed' })).toBe(false);
    expect(becomesCandidate(open, { status: 'resolved', step: 'mediation' })).toBe(false);
    expect(becomesCandidate({ step: null }, { status: 'accepted', step: 'odr' })).toBe(false);
    const already = newCandidacy('GS-0000000000', '2026-04-20', calendar);
    expect(becomesCandidate({ step: 'mediation', disclosure: already }, { status: 'closed', step: 'mediation' })).toBe(false);
  });

  it('gives the merchant 5 working days on the shipped calendar: over the National Day holiday the window is long', () => {
    // Candidate on Monday 2026-04-20: the 5th working day after is Monday 2026-04-27.
    expect(newCandidacy('GS-0000000000', '2026-04-20', calendar).objectionUntil).toBe('2026-04-27');
    // Candidate on Wednesday 2026-09-30: 1-7 October are holidays and Saturday 10 October is worked (调休):
    // 8, 9, 10, 12, 13 October are the 5 working days.
    expect(newCandidacy('GS-0000000000', '2026-09-30', calendar).objectionUntil).toBe('2026-10-13');
  });
});

describe('the objection window and publication', () => {
  const candidate = newCandidacy('GS-7K3M9QXA2B', '2026-04-20', calendar);

  it('lets the merchant object through the last day, once; then the record is due unless withheld', () => {
    const record = closedCase({ disclosure: candidate });
    expect(decide(snapshotOf(record, '2026-04-27'), 'object_disclosure', 'merchant').ok).toBe(true);
    expect(decide(snapshotOf(record, '2026-04-28'), 'object_disclosure', 'merchant').ok).toBe(false);
    expect(isDueForPublication(candidate, '2026-04-27')).toBe(false);
    expect(isDueForPublication(candidate, '2026-04-28')).toBe(true);
    expect(decide(snapshotOf(record, '2026-04-28'), 'publish_due_disclosure', 'system').ok).toBe(true);

    const objected = disclosureAfter('object_disclosure', candidate, '2026-04-22T01:00:00Z');
    expect(disclosureSnapshot(objected, '2026-04-22')).toEqual({ disclosure: 'objected', objectionWindowOpen: false });
    expect(decide(snapshotOf(closedCase({ disclosure: objected }), '2026-04-22'), 'object_disclosure', 'merchant').ok).toBe(false);
    expect(isDueForPublication(objected, '2026-04-28')).toBe(true);

    const withheld = disclosureAfter('withhold_disclosure', objected, '2026-04-23T01:00:00Z');
    expect(isDueForPublication(withheld, '2026-05-30')).toBe(false);
    expect(disclosureAfter('publish_disclosure', withheld, '2026-04-24T01:00:00Z')).toMatchObject({ state: 'published', publishedAt: '2026-04-24T01:00:00Z' });
  });
});

describe('the published record', () => {
  const allowed = ['publicRef', 'complainantType', 'merchant', 'category', 'region', 'monthFiled', 'monthOfDispute', 'issue', 'requestType', 'handlingResult', 'monthHandled', 'publishedOn', 'narrative'];

  it('holds only the fields the disclosure rules list, months instead of dates, and no case id', () => {
    const record = closedCase();
    const published = publicDisclosure(record, { ...newCandidacy('GS-7K3M9QXA2B', '2026-04-20', calendar), state: 'published', publishedAt: '2026-04-28T02:00:00Z' }, { today: '2026-04-28', registeredName: '郑州某某电器有限公司', prefectureOf });
    expect(Object.keys(published).every((key) => allowed.includes(key))).toBe(true);
    expect(published).toEqual({
      publicRef: 'GS-7K3M9QXA2B',
      complainantType: 'individual',
      merchant: { name: '郑州某某电器有限公司', creditCode: null, nameVerified: true },
      category: record.complaint.category,
      region: '410100',
      monthFiled: '2026-03',
      monthOfDispute: '2025-09',
      issue: record.complaint.issue,
      requestType: 'refund',
      handlingResult: 'resolved',
      monthHandled: '2026-04',
      publishedOn: '2026-04-28',
    });
    expect(JSON.stringify(published)).not.toContain(record.caseId);
  });

  it('carries the narrative only with consent, scrubbed; a disclosure-only case is labelled as such', () => {
    const consenting = closedCase({ outcome: undefined, step: 'disclosure' });
    consenting.complaint = { ...consenting.complaint, description: '我是测试用户，电话13800138000，商家拒绝退款。', consent: { publishNarrative: true } };
    const published = publicDisclosure(consenting, { ...newCandidacy('GS-7K3M9QXA2B', '2026-04-20', calendar), state: 'published' }, { today: '2026-04-28', registeredName: undefined, prefectureOf });
    expect(published.handlingResult).toBe('disclosure_only');
    expect(published.narrative).toBeDefined();
    expect(published.narrative).not.toContain('13800138000');
    expect(published.narrative).not.toContain('测试用户');
    expect(published.narrative).toContain('商家拒绝退款');
  });
});

describe('public references', () => {
  it('are GS- and 10 Crockford characters, different for different random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 7, maxLength: 7 }), fc.uint8Array({ minLength: 7, maxLength: 7 }), (a, b) => {
        expect(publicRefFrom(a)).toMatch(publicRefPattern);
        if (Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) expect(publicRefFrom(a)).not.toBe(publicRefFrom(b));
      }),
    );
  });
});
