/**
 * Fen (integer cents) as yuan text, exact for every integer amount: done on
 * the digits, never by dividing a float. 129990 -> "1299.90", or "1,299.90"
 * with grouping. Shared by the CSV files and the web pages.
 */
export function fenToYuan(fen: number, options: { grouping?: boolean } = {}): string {
  const negative = fen < 0;
  const digits = String(Math.abs(Math.trunc(fen))).padStart(3, '0');
  const whole = digits.slice(0, -2);
  return `${negative ? '-' : ''}${options.grouping ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole}.${digits.slice(-2)}`;
}
