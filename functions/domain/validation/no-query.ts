import * as z from 'zod';
import { ValidationError } from '../errors';
import type { Language } from '../i18n';
import { toFieldIssues } from './issues';

const noQuery = z.strictObject({});

/** A route that takes no query parameters: each one sent is a 400 naming it. */
export function parseNoQuery(query: Record<string, string>, lang: Language): void {
  const parsed = noQuery.safeParse(query);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, query, lang));
}
