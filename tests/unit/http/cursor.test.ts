import * as z from 'zod';
import { BadRequestError } from '../../../functions/domain/errors';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../../functions/domain/validation/cursor';

describe('listing cursors', () => {
  const shape = z.strictObject({ seq: z.number().int() });

  it('round-trip as opaque base64url', () => {
    const cursor = encodeCursor({ seq: 7 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, shape)).toEqual({ seq: 7 });
  });

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', Buffer.from('{"seq":').toString('base64url')],
    ['another shape', encodeCursor({ seq: 'x' })],
    ['extra fields', encodeCursor({ seq: 1, admin: true })],
  ])('refuse %s with one 400 naming the cursor field', (_what, raw) => {
    let thrown: unknown;
    try {
      decodeCursor(raw, shape);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCursorError);
    expect(thrown).toBeInstanceOf(BadRequestError);
    expect((thrown as InvalidCursorError).code).toBe('invalid_cursor');
    expect((thrown as InvalidCursorError).details).toEqual({ issues: [{ path: 'cursor', message: expect.any(String) }] });
  });
});
