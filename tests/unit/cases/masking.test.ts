import { maskPhone } from '../../../functions/domain/cases/masking';

describe('maskPhone', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['19912345678', '199****5678'],
    ['138-0013-8000', '138****8000'],
  ])('shows a merchant %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never shows more than the first three and last four digits', () => {
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskPhone('')).toBe('');
  });
});
