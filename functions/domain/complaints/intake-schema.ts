import * as z from 'zod';
import { categoryCodes, channelCodes, claimTypeCodes, isHenanRegionCode, issueCodes } from '../../reference';
import { isCalendarDate } from '../calendar/working-days';
import { ValidationError } from '../errors';
import type { Language } from '../i18n';
import { toFieldIssues } from '../validation/issues';
import { isValidCreditCode } from './credit-code';

/**
 * `POST /v1/complaints` — the one schema behind the API's validation, the web
 * form's checks (bundled into `web/`) and the API docs. Messages are keys of
 * `validation/messages.ts`, so both sides speak the same words.
 */

/** The first message key that fits: missing fields say "required", not "unknown code". */
const orRequired = (key: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : key);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const amountFenSchema = z.number({ error: orRequired('amountFen') }).int({ error: 'amountFen' }).min(0, { error: 'amountFen' }).lt(1e10, { error: 'amountFen' });

/** Mainland mobile numbers; spaces, hyphens and a +86 prefix are tolerated and removed. */
export const mobilePhoneSchema = z
  .string()
  .transform((raw) => raw.replace(/[\s-]/g, '').replace(/^(?:\+?86)(?=1\d{10}$)/, ''))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, { error: 'phone' }));

export const regionCodeSchema = z.string().refine(isHenanRegionCode, { error: 'unknownRegion' });

export const creditCodeSchema = z
  .string()
  .transform((raw) => raw.trim().toUpperCase())
  .refine(isValidCreditCode, { error: 'creditCode' });

/** A past or present calendar date, `YYYY-MM-DD` in China Standard Time. */
export function pastDateSchema(today: string) {
  return z
    .string()
    .refine(isCalendarDate, { error: 'date', abort: true })
    .refine((d) => d <= today, { error: 'dateInFuture' });
}

const descriptionSchema = z
  .string()
  .trim()
  .refine((s) => {
    const length = [...s].length; // characters, not UTF-16 units: 汉字 count once
    return length >= 10 && length <= 5000;
  }, { error: 'descriptionLength' });

/** `verification` of `POST /v1/complaints`: the answer to `POST /v1/verifications` (see `phone-verification.ts`). */
export const verificationProofSchema = z.strictObject({
  verificationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'verificationId' }),
  code: z.string().trim().regex(/^\d{6}$/, { error: 'verificationCode' }),
});
export type VerificationProof = z.output<typeof verificationProofSchema>;

export function complaintSchema(today: string) {
  return z.strictObject({
    consumer: z.strictObject({
      name: text(50),
      phone: mobilePhoneSchema,
      email: z.email({ error: 'email' }).max(254).optional(),
      regionCode: regionCodeSchema,
      address: optionalText(200),
    }),
    merchant: z.strictObject({
      name: text(100),
      creditCode: creditCodeSchema.optional(),
      regionCode: regionCodeSchema.optional(),
      address: optionalText(200),
      platform: optionalText(100),
    }),
    purchase: z.strictObject({
      date: pastDateSchema(today),
      amountFen: amountFenSchema.optional(),
      channel: z.enum(channelCodes, { error: orRequired('unknownChannel') }),
      orderRef: optionalText(100),
    }),
    category: z.enum(categoryCodes, { error: orRequired('unknownCategory') }),
    issue: z.enum(issueCodes, { error: orRequired('unknownIssue') }),
    description: descriptionSchema,
    claim: z.strictObject({
      type: z.enum(claimTypeCodes, { error: orRequired('unknownClaimType') }),
      amountFen: amountFenSchema.optional(),
    }),
    injury: z.strictObject({ occurred: z.boolean(), description: optionalText(2000) }).default({ occurred: false }),
    knownSince: pastDateSchema(today),
    consent: z.strictObject({ publishNarrative: z.boolean() }).default({ publishNarrative: false }),
    verification: verificationProofSchema.optional(),
  });
}

export type ComplaintInput = z.output<ReturnType<typeof complaintSchema>>;

/** Checks that span fields; run on the raw input so they are reported alongside the per-field ones. */
function crossFieldIssues(input: unknown, lang: Language) {
  const body = (input ?? {}) as { purchase?: { date?: unknown }; knownSince?: unknown; claim?: { type?: unknown }; verification?: unknown };
  const issues: { code: 'custom'; path: string[]; message: string; input: unknown }[] = [];
  // Only a person who stands behind it puts a complaint on the public record with no redress sought (SPEC section 5).
  if (body.claim?.type === 'disclosure_only' && body.verification === undefined) {
    issues.push({ code: 'custom', path: ['verification'], message: 'verificationRequired', input: undefined });
  }
  const purchaseDate = body.purchase?.date;
  const knownSince = body.knownSince;
  if (typeof purchaseDate === 'string' && typeof knownSince === 'string' && isCalendarDate(purchaseDate) && isCalendarDate(knownSince) && knownSince < purchaseDate) {
    issues.push({ code: 'custom', path: ['knownSince'], message: 'knownBeforePurchase', input: knownSince });
  }
  return toFieldIssues(issues, input, lang);
}

/** Building the schema costs far more than using it; it changes only with the date. */
let cachedSchema: { today: string; schema: ReturnType<typeof complaintSchema> } | undefined;

function schemaFor(today: string) {
  if (cachedSchema?.today !== today) cachedSchema = { today, schema: complaintSchema(today) };
  return cachedSchema.schema;
}

export type ComplaintValidation = { ok: true; value: ComplaintInput } | { ok: false; issues: ReturnType<typeof toFieldIssues> };

/** Every problem at once, so a user fixes the form in one pass. */
export function validateComplaint(input: unknown, today: string, lang: Language): ComplaintValidation {
  const parsed = schemaFor(today).safeParse(input);
  const crossField = crossFieldIssues(input, lang);
  const fieldIssues = parsed.success ? [] : toFieldIssues(parsed.error.issues, input, lang);
  const known = new Set(fieldIssues.map((i) => i.path));
  const issues = [...fieldIssues, ...crossField.filter((i) => !known.has(i.path))];
  if (parsed.success && issues.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, issues };
}

export function parseComplaint(input: unknown, today: string, lang: Language): ComplaintInput {
  const result = validateComplaint(input, today, lang);
  if (!result.ok) throw new ValidationError(result.issues);
  return result.value;
}
