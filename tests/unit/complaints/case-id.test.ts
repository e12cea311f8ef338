import fc from 'fast-check';
import { newCaseId, normalizeCaseId } from '../../../functions/domain/complaints/case-id';
import { accessCodeMatches, hashAccessCode, newAccessCode } from '../../../functions/domain/complaints/access-code';

describe('case ids', () => {
  it('name the province and the China-time month filed, in groups a person can read out', () => {
    const id = newCaseId('2026-11-26');
    expect(id).toMatch(/^HN2611-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('are understood however they are typed: lower case, no hyphens, O for 0, I or L for 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        let state = seed;
        const id = newCaseId('2026-03-01', (max) => (state = (state * 1103515245 + 12345) % 2 ** 31) % max);
        const sloppy = id.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
        expect(normalizeCaseId(sloppy)).toBe(id);
      }),
    );
  });

  it('catch a misread symbol or two swapped neighbours before any lookup', () => {
    const id = 'HN2611-7K3M-9QX' ;
    const valid = [...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'].map((c) => id + c).find((candidate) => normalizeCaseId(candidate));
    expect(valid).toBeDefined();
    const symbols = valid!.slice(7).replace('-', '');
    for (let i = 0; i < symbols.length - 1; i++) {
      if (symbols[i] === symbols[i + 1]) continue;
      const swapped = symbols.slice(0, i) + symbols[i + 1] + symbols[i] + symbols.slice(i + 2);
      expect(normalizeCaseId(`HN2611${swapped}`)).toBeUndefined();
    }
    expect(normalizeCaseId(valid!.replace('7K3M', '7K3N'))).toBeUndefined();
    expect(normalizeCaseId('not a case')).toBeUndefined();
  });
});

describe('access codes', () => {
  it('match only themselves, however they are typed', () => {
    const code = newAccessCode();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = hashAccessCode(code);
    expect(accessCodeMatches(code, stored)).toBe(true);
    expect(accessCodeMatches(code.toLowerCase().replace(/-/g, ''), stored)).toBe(true);
    expect(accessCodeMatches(newAccessCode(), stored)).toBe(false);
    expect(accessCodeMatches('', stored)).toBe(false);
  });

  it('are never stored in the clear, and the same code hashes differently per case', () => {
    const code = newAccessCode();
    const a = hashAccessCode(code);
    const b = hashAccessCode(code);
    expect(JSON.stringify(a)).not.toContain(code.replace(/-/g, ''));
    expect(a.hash).not.toBe(b.hash);
  });
});

describe('case ids from an Idempotency-Key', () => {
  it('are the same for a retry, differ per attempt and per key, and are valid ids', async () => {
    const { caseIdForIdempotencyKey } = await import('../../../functions/domain/complaints/case-id');
    const first = caseIdForIdempotencyKey('2026-11-26', 'hash-of-key-a', 1);
    expect(caseIdForIdempotencyKey('2026-11-26', 'hash-of-key-a', 1)).toBe(first);
    expect(caseIdForIdempotencyKey('2026-11-26', 'hash-of-key-a', 2)).not.toBe(first);
    expect(caseIdForIdempotencyKey('2026-11-26', 'hash-of-key-b', 1)).not.toBe(first);
    expect(normalizeCaseId(first)).toBe(first);
  });
});
