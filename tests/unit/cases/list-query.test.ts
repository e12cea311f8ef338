import { caseListPlan, chinaDayStart, decodeCursor, encodeCursor, monthsNewestFirst, parseCaseListQuery } from '../../../functions/domain/cases/list-query';
import { BadRequestError, ValidationError } from '../../../functions/domain/errors';

describe('parsing the query', () => {
  it('defaults to 20 items a page', () => {
    expect(parseCaseListQuery({}, 'en')).toEqual({ limit: 20 });
    expect(parseCaseListQuery({ status: 'received', step: 'odr', from: '2026-10-01', to: '2026-10-31', limit: '5', cursor: 'abc' }, 'en')).toEqual({
      status: 'received',
      step: 'odr',
      from: '2026-10-01',
      to: '2026-10-31',
      limit: 5,
      cursor: 'abc',
    });
  });

  it('names every bad parameter', () => {
    try {
      parseCaseListQuery({ limit: '1000', step: 'court', to: 'yesterday', sort: 'asc' }, 'en');
      throw new Error('expected a 400');
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['limit', 'sort', 'step', 'to']);
    }
    expect(() => parseCaseListQuery({ from: '2026-10-02', to: '2026-10-01' }, 'en')).toThrow(ValidationError);
  });

  it('reads overdue=true and claimed=me, and nothing else for them', () => {
    expect(parseCaseListQuery({ overdue: 'true', claimed: 'me' }, 'en')).toEqual({ overdue: true, claimedByMe: true, limit: 20 });
    try {
      parseCaseListQuery({ overdue: 'yes', claimed: 'someone-else' }, 'en');
      throw new Error('expected a 400');
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['claimed', 'overdue']);
    }
  });

  it('filters by disclosure state', () => {
    expect(parseCaseListQuery({ disclosure: 'candidate' }, 'en')).toEqual({ disclosure: 'candidate', limit: 20 });
    expect(() => parseCaseListQuery({ disclosure: 'secret' }, 'en')).toThrow(ValidationError);
    expect(caseListPlan({ role: 'regulator', region: '410100' }, { limit: 20, disclosure: 'candidate' }, '2026-11-27')).toMatchObject({ disclosure: 'candidate' });
  });

  it('turns overdue into "a staff deadline before today" and claimed=me into the caller\'s subject', () => {
    const plan = caseListPlan({ role: 'mediator', org: '410100' }, { limit: 20, overdue: true, claimedByMe: true }, '2026-11-27', 'subject-1');
    expect(plan).toMatchObject({ deadlineBefore: '2026-11-27', claimedBy: 'subject-1' });
    // Without a known subject nobody's claims match, rather than everybody's.
    expect(caseListPlan({ role: 'mediator', org: '410100' }, { limit: 20, claimedByMe: true }, '2026-11-27').claimedBy).toBe('');
    expect(caseListPlan({ role: 'mediator', org: '410100' }, { limit: 20 }, '2026-11-27')).not.toHaveProperty('deadlineBefore');
  });
});

describe('dates and months', () => {
  it('starts a China day at 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-10-01')).toBe('2026-09-30T16:00:00.000Z');
  });

  it('lists months newest first, across a year boundary', () => {
    expect(monthsNewestFirst('2025-11-15', '2026-02-03')).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(monthsNewestFirst('2026-10-01', '2026-10-31')).toEqual(['2026-10']);
  });
});

describe('which index serves whom', () => {
  const request = { limit: 20 };

  it('reads one partition for a mediator, a merchant and a prefecture regulator', () => {
    expect(caseListPlan({ role: 'mediator', org: '410700' }, request, '2026-11-27')).toMatchObject({ index: 'byAssociation', partitions: ['410700'], acceptedOnly: false });
    expect(caseListPlan({ role: 'merchant', merchant: '91350100M000100Y43' }, request, '2026-11-27')).toMatchObject({ index: 'byMerchant', partitions: ['91350100M000100Y43'], acceptedOnly: true });
    expect(caseListPlan({ role: 'regulator', region: '410100' }, request, '2026-11-27')).toMatchObject({ index: 'byRegion', partitions: ['410100'] });
  });

  it('reads the prefecture partition filtered to the county for a county bureau', () => {
    expect(caseListPlan({ role: 'regulator', region: '410105' }, request, '2026-11-27')).toMatchObject({ index: 'byRegion', partitions: ['410100'], county: '410105' });
  });

  it('reads months of receipt for an admin and the provincial regulator: the last 12 without a range', () => {
    const admin = caseListPlan({ role: 'admin' }, request, '2026-11-27');
    expect(admin.index).toBe('byMonth');
    expect(admin.partitions).toHaveLength(12);
    expect(admin.partitions[0]).toBe('2026-11');
    expect(admin.partitions.at(-1)).toBe('2025-12');
    expect(caseListPlan({ role: 'regulator', region: '410000' }, { limit: 5, from: '2026-09-30', to: '2026-10-01' }, '2026-11-27')).toMatchObject({
      index: 'byMonth',
      partitions: ['2026-10', '2026-09'],
      received: { from: '2026-09-29T16:00:00.000Z', toExclusive: '2026-10-01T16:00:00.000Z' },
    });
  });
});

describe('cursors', () => {
  const plan = caseListPlan({ role: 'mediator', org: '410100' }, { limit: 20 }, '2026-11-27');
  const position = { assocPk: 'ASSOCIATION#410100', assocSk: '2026-11-26T01:00:00.000Z#HN2611-7K3M-9QXA', pk: 'CASE#HN2611-7K3M-9QXA', sk: 'CASE' };

  it('round-trips an opaque cursor', () => {
    const cursor = encodeCursor({ partition: '410100', position });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, plan)).toEqual({ partition: '410100', position });
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('{"p":').toString('base64url')],
    ['another association', encodeCursor({ partition: '410700' })],
    ['extra fields', Buffer.from(JSON.stringify({ p: '410100', admin: true })).toString('base64url')],
    ['a number as a key', Buffer.from(JSON.stringify({ p: '410100', k: { pk: 5 } })).toString('base64url')],
  ])('refuses %s with a 400', (_what, cursor) => {
    expect(() => decodeCursor(cursor, plan)).toThrow(BadRequestError);
  });
});
