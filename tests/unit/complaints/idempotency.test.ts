import { checkIdempotencyKey, idempotencyKeyHash, openSecret, sealSecret } from '../../../functions/domain/complaints/idempotency';

describe('idempotency keys', () => {
  it('seal the first answer so only the holder of the key can open it', () => {
    const sealed = sealSecret('key-aaaa-1111', 'ABCD-EFGH-JKMN');
    expect(JSON.stringify(sealed)).not.toContain('ABCD');
    expect(openSecret('key-aaaa-1111', sealed)).toBe('ABCD-EFGH-JKMN');
    expect(() => openSecret('key-bbbb-2222', sealed)).toThrow();
  });

  it('are stored only as a hash', () => {
    expect(idempotencyKeyHash('550e8400-e29b-41d4-a716-446655440000')).not.toContain('550e8400');
  });

  it('must be 8 to 200 visible characters', () => {
    expect(checkIdempotencyKey(undefined)).toBeUndefined();
    expect(checkIdempotencyKey(' 550e8400-e29b-41d4 ')).toBe('550e8400-e29b-41d4');
    expect(() => checkIdempotencyKey('short')).toThrow(/Idempotency-Key/);
    expect(() => checkIdempotencyKey('x'.repeat(201))).toThrow(/Idempotency-Key/);
    expect(() => checkIdempotencyKey('has a space inside')).toThrow(/Idempotency-Key/);
  });
});
