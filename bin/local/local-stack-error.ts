/**
 * A problem the developer can fix, told in one line (what is wrong and what
 * to do). `bin/local/start.ts` prints only the message, never a stack trace.
 */
export class LocalStackError extends Error {
  override name = 'LocalStackError';
}
