import * as z from 'zod';
import { BadRequestError, ValidationError } from '../errors';
import type { Language } from '../i18n';
import { toFieldIssues } from '../validation/issues';

/** `GET /v1/funds/{fundId}/ledger?limit=&cursor=`: pages in sequence order; the cursor is the last sequence number seen, opaque to clients. */
export const ledgerQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
});

export interface LedgerQuery {
  limit: number;
  afterSeq?: number;
}

export function encodeLedgerCursor(seq: number): string {
  return Buffer.from(JSON.stringify({ seq }), 'utf8').toString('base64url');
}

export function parseLedgerQuery(query: Record<string, string>, lang: Language): LedgerQuery {
  const parsed = ledgerQuerySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, query, lang));
  if (parsed.data.cursor === undefined) return { limit: parsed.data.limit };
  let seq: unknown;
  try {
    seq = (JSON.parse(Buffer.from(parsed.data.cursor, 'base64url').toString('utf8')) as { seq?: unknown }).seq;
  } catch {
    seq = undefined;
  }
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) throw new BadRequestError('invalid_cursor', 'The cursor is not one this listing gave out; start again without it.');
  return { limit: parsed.data.limit, afterSeq: seq };
}
