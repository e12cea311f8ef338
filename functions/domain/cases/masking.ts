/**
 * SPEC section 5: merchants see the consumer's name and a masked phone,
 * `13800138000` -> `138****8000`: enough to recognise a customer they
 * already know, not enough to call someone new.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
