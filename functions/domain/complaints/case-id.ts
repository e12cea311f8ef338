import { createHash, randomInt } from 'node:crypto';

/**
 * Case ids people can read over the phone: `HN2611-7K3M-9QXA` — province,
 * year and month filed, then 7 random Crockford base32 symbols (no I, L, O,
 * U to mishear) and one check symbol (Luhn mod 32) that catches a single
 * wrong symbol or two swapped neighbours before any lookup.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomSymbols = 7;

function luhnMod32(symbols: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = symbols.length - 1; i >= 0; i--) {
    let addend = factor * alphabet.indexOf(symbols[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return alphabet[(32 - (sum % 32)) % 32]!;
}

export function randomSymbolsOf(length: number, random: (max: number) => number = randomInt): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[random(alphabet.length)];
  return out;
}

/** `receivedOn` is the China-time date of filing, `YYYY-MM-DD`. */
export function newCaseId(receivedOn: string, random?: (max: number) => number): string {
  return formatCaseId(receivedOn, randomSymbolsOf(randomSymbols, random));
}

/**
 * The `attempt`-th case id a filing with this Idempotency-Key may take: a
 * retry derives the same ids, so it finds the first request's case by key
 * instead of needing a separate idempotency record (one write per filing).
 */
export function caseIdForIdempotencyKey(receivedOn: string, keyHash: string, attempt: number): string {
  const digest = createHash('sha256').update(`case-id:${keyHash}:${attempt}`).digest();
  let body = '';
  for (let i = 0; i < randomSymbols; i++) body += alphabet[digest[i]! % 32];
  return formatCaseId(receivedOn, body);
}

function formatCaseId(receivedOn: string, body: string): string {
  const check = luhnMod32(body);
  const symbols = body + check;
  return `HN${receivedOn.slice(2, 4)}${receivedOn.slice(5, 7)}-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * The canonical id for what someone typed or read out: case-insensitive,
 * spaces and hyphens optional, O read as 0 and I/L as 1 (Crockford). Returns
 * undefined when it cannot be a case id, so lookups never hit the table for
 * typos.
 */
export function normalizeCaseId(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const match = /^HN(\d{4})([0-9A-HJKMNP-TV-Z]{8})$/.exec(compact);
  if (!match) return undefined;
  const [, yymm, symbols] = match as unknown as [string, string, string];
  if (luhnMod32(symbols.slice(0, randomSymbols)) !== symbols[randomSymbols]) return undefined;
  return `HN${yymm}-${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}
