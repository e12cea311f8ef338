import * as z from 'zod';
import { isCalendarDate } from '../calendar/dates';
import { ValidationError } from '../errors';
import type { Language } from '../i18n';
import { toFieldIssues } from '../validation/issues';

/** `POST /v1/admin/jobs/{job}` body: nothing, or `{asOf}` on the local stack. */
export const jobRequestSchema = z.strictObject({ asOf: z.string().refine(isCalendarDate, { error: 'date' }).optional() });

export interface JobRequest {
  asOf?: string;
}

export function parseJobRequest(body: unknown, lang: Language): JobRequest {
  const input = body === undefined ? {} : body;
  const parsed = jobRequestSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, input, lang));
  return parsed.data.asOf ? { asOf: parsed.data.asOf } : {};
}
