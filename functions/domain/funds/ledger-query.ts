import * as z from 'zod';
import { ValidationError } from '../errors';
import { decodeCursor, encodeCursor } from '../validation/cursor';
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

const ledgerCursorSchema = z.object({ seq: z.number().int().min(0) });

export function encodeLedgerCursor(seq: number): string {
  return encodeCursor({ seq });
}

export function parseLedgerQuery(query: Record<string, string>, lang: Language): LedgerQuery {
  const parsed = ledgerQuerySchema.safeParse(query);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, query, lang));
  if (parsed.data.cursor === undefined) return { limit: parsed.data.limit };
  return { limit: parsed.data.limit, afterSeq: decodeCursor(parsed.data.cursor, ledgerCursorSchema).seq };
}
