import { addWorkingDays } from '../calendar/working-days';
import type { CaseAction, CasePosition, DisclosureState } from '../lifecycle/types';
import type { WorkingCalendar } from '../../reference/types';

/**
 * A case's part in public disclosure (SPEC section 6), kept on the case as
 * `disclosure`. A case becomes a candidate when it closes after having been
 * accepted, or at once when routed to the `disclosure` step; the merchant
 * may object until `objectionUntil` (5 working days); after that the
 * aggregation schedule publishes it unless a regulator withheld it.
 */
export interface CaseDisclosure {
  state: DisclosureState;
  /** The record's public name: never the case id, which with an access code opens the case. */
  publicRef: string;
  /** China date it became a candidate. */
  candidateOn: string;
  /** China date: the merchant's last day to object. */
  objectionUntil: string;
  objectedAt?: string;
  publishedAt?: string;
  withheldAt?: string;
}

/** SPEC section 6: the merchant may object within 5 working days. */
export const objectionWorkingDays = 5;

/** SPEC section 6: published records stay public for 2 years. */
export const publicYears = 2;

/**
 * Whether a move makes the case a disclosure candidate. Refused cases are
 * never disclosed: a complaint that was not accepted is not a record
 * against the merchant. A case is a candidate once only.
 */
export function becomesCandidate(current: { disclosure?: CaseDisclosure; step: string | null }, next: CasePosition): boolean {
  if (current.disclosure) return false;
  if (next.status === 'accepted') return next.step === 'disclosure';
  return next.status === 'closed' && current.step !== null;
}

export function newCandidacy(publicRef: string, today: string, calendar: WorkingCalendar): CaseDisclosure {
  return { state: 'candidate', publicRef, candidateOn: today, objectionUntil: addWorkingDays(today, objectionWorkingDays, calendar) };
}

/** What the lifecycle table's guards read (`CaseSnapshot.disclosure`, `.objectionWindowOpen`). */
export function disclosureSnapshot(disclosure: CaseDisclosure | undefined, today: string): { disclosure?: DisclosureState; objectionWindowOpen?: boolean } {
  if (!disclosure) return {};
  return { disclosure: disclosure.state, objectionWindowOpen: disclosure.state === 'candidate' && today <= disclosure.objectionUntil };
}

/** Publication is due the day after the objection window, unless a regulator withheld the record (or it is already out). */
export function isDueForPublication(disclosure: CaseDisclosure | undefined, today: string): boolean {
  return disclosure !== undefined && (disclosure.state === 'candidate' || disclosure.state === 'objected') && today > disclosure.objectionUntil;
}

const disclosureActions = new Set<CaseAction>(['object_disclosure', 'withhold_disclosure', 'publish_disclosure', 'publish_due_disclosure']);

export function isDisclosureAction(action: CaseAction): boolean {
  return disclosureActions.has(action);
}

/** The disclosure after an action the lifecycle table allowed; unchanged for other actions. */
export function disclosureAfter(action: CaseAction, disclosure: CaseDisclosure, at: string): CaseDisclosure {
  switch (action) {
    case 'object_disclosure':
      return { ...disclosure, state: 'objected', objectedAt: at };
    case 'withhold_disclosure':
      return { ...disclosure, state: 'withheld', withheldAt: at };
    case 'publish_disclosure':
    case 'publish_due_disclosure':
      return { ...disclosure, state: 'published', publishedAt: at };
    default:
      return disclosure;
  }
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `GS-` and 10 Crockford base-32 characters (50 random bits) from at least 7 random bytes. */
export function publicRefFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < 7) throw new RangeError('A public reference needs 7 random bytes');
  let bits = 0n;
  for (const byte of randomBytes.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  let ref = '';
  for (let i = 0; i < 10; i++) {
    ref = crockford[Number(bits & 31n)] + ref;
    bits >>= 5n;
  }
  return `GS-${ref}`;
}

export const publicRefPattern = /^GS-[0-9A-HJKMNP-TV-Z]{10}$/;
