import type * as z from 'zod';
import { BadRequestError } from '../errors';

/**
 * Every listing's cursor: opaque to clients, base64url of JSON the listing
 * alone reads back. A cursor that does not decode to the listing's shape, or
 * names another listing's place, is one 400: `invalid_cursor`, naming the
 * `cursor` field.
 */
export class InvalidCursorError extends BadRequestError {
  constructor() {
    super('invalid_cursor', 'The cursor is not one this listing gave out; start again without it.', {
      issues: [{ path: 'cursor', message: 'Not a cursor from this list; start again without one.' }],
    });
  }
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The cursor's content if it has the listing's shape; else an `InvalidCursorError`. */
export function decodeCursor<T>(raw: string, shape: z.ZodType<T>): T {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw new InvalidCursorError();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const parsed = shape.safeParse(decoded);
  if (!parsed.success) throw new InvalidCursorError();
  return parsed.data;
}
