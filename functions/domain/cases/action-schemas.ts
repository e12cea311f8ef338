import * as z from 'zod';
import { amountFenSchema } from '../complaints/intake-schema';
import { ValidationError, type FieldIssue } from '../errors';
import type { Language } from '../i18n';
import { consumerActions, fundActions, mediatorActions, merchantActions, regulatorActions, type CaseAction } from '../lifecycle';
import { toFieldIssues } from '../validation/issues';
import { refusalReasonCodes } from '../../reference';
import { caseTexts } from './texts';

/**
 * Action bodies (SPEC section 4): `{action, expectedVersion, ...}` for staff,
 * `{action, expectedVersion?, ...}` for the consumer. Each action has its own
 * strict schema, so an unknown field is named rather than dropped.
 */
export const staffActions = [...mediatorActions, ...merchantActions, ...regulatorActions, ...fundActions] as const;
export type StaffAction = (typeof staffActions)[number];
export type ConsumerAction = (typeof consumerActions)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const expectedVersion = z.number().int().min(1);
const optionalText = { text: text(2000).optional() };
const requiredText = { text: text(5000) };
const offer = { amountFen: amountFenSchema, terms: text(1000) };
/** Fund actions move money: a positive amount (ledger amounts are positive), and a payment or recovery names its bank reference. */
const payoutAmount = { amountFen: amountFenSchema.refine((fen) => fen > 0, { error: 'amountFen' }) };
const movement = { ...payoutAmount, reference: text(200) };

/** What an agreement gives the consumer: at least one of these (checked after the schema). */
const agreement = {
  refundFen: amountFenSchema.optional(),
  compensationFen: amountFenSchema.optional(),
  exchange: z.boolean().optional(),
  repair: z.boolean().optional(),
  apology: z.boolean().optional(),
  terms: text(1000).optional(),
};

const staffFields = {
  accept: {},
  refuse: { reason: z.enum(refusalReasonCodes), ...optionalText },
  claim: {},
  note: requiredText,
  propose_offer: offer,
  record_agreement: agreement,
  end_unresolved: optionalText,
  flag_collective: optionalText,
  follow_up: requiredText,
  respond: requiredText,
  make_offer: offer,
  decline: optionalText,
  object_disclosure: requiredText,
  withhold_disclosure: optionalText,
  publish_disclosure: optionalText,
  approve_payout: payoutAmount,
  reject_payout: optionalText,
  record_payment: movement,
  record_recovery: movement,
} satisfies Record<StaffAction, z.ZodRawShape>;

const consumerFields = {
  accept_offer: {},
  reject_offer: optionalText,
  withdraw: optionalText,
  add_info: requiredText,
  rate: { rating: z.number().int().min(1).max(5), comment: text(1000).optional() },
  mute_sms: {},
} satisfies Record<ConsumerAction, z.ZodRawShape>;

/** Every field any action body may carry besides `action` and `expectedVersion`. */
export interface ActionFields {
  text?: string;
  reason?: string;
  amountFen?: number;
  terms?: string;
  /** A payment's or recovery's bank reference (fund actions). */
  reference?: string;
  refundFen?: number;
  compensationFen?: number;
  exchange?: boolean;
  repair?: boolean;
  apology?: boolean;
  rating?: number;
  comment?: string;
}

export interface StaffActionBody {
  action: StaffAction;
  expectedVersion: number;
  fields: ActionFields;
}

export interface ConsumerActionBody {
  action: ConsumerAction;
  expectedVersion?: number;
  fields: ActionFields;
}

function schemasOf<A extends string>(fields: Record<A, z.ZodRawShape>, version: z.ZodType) {
  return Object.fromEntries(
    Object.entries<z.ZodRawShape>(fields).map(([action, shape]) => [action, z.strictObject({ action: z.literal(action), expectedVersion: version, ...shape })]),
  ) as unknown as Record<A, z.ZodObject>;
}

export const staffActionSchemas = schemasOf(staffFields, expectedVersion);
export const consumerActionSchemas = schemasOf(consumerFields, expectedVersion.optional());

/** For the API document: one body schema per endpoint. */
export const staffActionBodySchema = z.discriminatedUnion('action', Object.values(staffActionSchemas) as unknown as [z.ZodObject, ...z.ZodObject[]]);
export const consumerActionBodySchema = z.discriminatedUnion('action', Object.values(consumerActionSchemas) as unknown as [z.ZodObject, ...z.ZodObject[]]);

function agreementIssues(fields: ActionFields, lang: Language): FieldIssue[] {
  const givesSomething = (fields.refundFen ?? 0) > 0 || (fields.compensationFen ?? 0) > 0 || fields.exchange === true || fields.repair === true || fields.apology === true;
  return givesSomething ? [] : [{ path: 'refundFen', message: caseTexts.emptyAgreement[lang] }];
}

/**
 * Two passes: `action` first (its schema decides which fields are allowed),
 * then the action's own strict schema, naming every bad field at once.
 */
function parseAction<A extends CaseAction>(schemas: Record<A, z.ZodObject>, names: readonly A[], body: unknown, lang: Language) {
  const input = body === undefined ? {} : body;
  const head = z.object({ action: z.enum(names as unknown as [A, ...A[]]) }).safeParse(input);
  if (!head.success) throw new ValidationError(toFieldIssues(head.error.issues, input, lang));
  const parsed = schemas[head.data.action].safeParse(input);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error.issues, input, lang));
  const { action, expectedVersion: version, ...fields } = parsed.data as { action: A; expectedVersion?: number } & ActionFields;
  const issues = action === 'record_agreement' ? agreementIssues(fields, lang) : [];
  if (issues.length > 0) throw new ValidationError(issues);
  return { action, expectedVersion: version, fields };
}

export function parseStaffAction(body: unknown, lang: Language): StaffActionBody {
  const { action, expectedVersion: version, fields } = parseAction(staffActionSchemas, staffActions, body, lang);
  return { action, expectedVersion: version as number, fields };
}

export function parseConsumerAction(body: unknown, lang: Language): ConsumerActionBody {
  const { action, expectedVersion: version, fields } = parseAction(consumerActionSchemas, consumerActions, body, lang);
  return { action, ...(version !== undefined ? { expectedVersion: version } : {}), fields };
}
