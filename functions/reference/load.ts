import type { z } from 'zod';

/** A seed file failed validation; the message names the file and every bad field. */
export class InvalidSeedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`seeds/${file} is invalid: ${problems.join('; ')}`);
    this.name = 'InvalidSeedError';
  }
}

/** Validates one seed file's content, throwing `InvalidSeedError` when it does not fit. */
export function parseSeed<Schema extends z.ZodType>(file: string, schema: Schema, content: unknown): z.output<Schema> {
  const result = schema.safeParse(content);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(file)'}: ${issue.message}`);
  throw new InvalidSeedError(file, problems);
}

/** Freezes a JSON-shaped value all the way down, so shared reference data cannot be changed by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
