import { addDays, chinaDate } from '../../../functions/domain/calendar/dates';
import { newCandidacy, publicRefFrom } from '../../../functions/domain/disclosure';
import { newCase, type CaseRecord } from '../../../functions/domain/complaints/case';
import { parseComplaint, type ComplaintInput } from '../../../functions/domain/complaints/intake-schema';
import { calendar, categories, issueCodes, refusalReasonCodes } from '../../../functions/reference';
import { validComplaint } from '../../../tests/fixtures/complaints';

/**
 * Case records as a year of service would leave them, for the statistics
 * benchmark: filed over the last 12 months, across categories, issues and
 * prefectures, in every status, with agreements, payouts, ratings and
 * safety reports. Deterministic for a seed, so runs compare.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const prefectures = ['410100', '410200', '410300', '410400', '410500', '410700', '410800', '411300', '419001'];
const steps = ['odr', 'mediation', 'advance_payout', 'disclosure'] as const;
const accessCode = { algorithm: 'sha256-salted' as const, salt: 'bench', hash: 'bench' };

let template: ComplaintInput | undefined;
function baseComplaint(): ComplaintInput {
  template ??= parseComplaint(validComplaint(), '2026-12-31', 'en');
  return template;
}

/** A case received some time in the year before `now`, or at `receivedAt` when given (a new filing). */
export function syntheticCase(index: number, now: Date, random: () => number, receivedAtGiven?: Date): CaseRecord {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const receivedAt = receivedAtGiven ?? new Date(now.getTime() - Math.floor(random() * 360 * 86_400_000) - 86_400_000);
  const complaint: ComplaintInput = {
    ...baseComplaint(),
    category: pick(categories).code as ComplaintInput['category'],
    issue: pick(issueCodes) as ComplaintInput['issue'],
    injury: { occurred: random() < 0.03 },
  };
  const { record } = newCase(complaint, { caseId: `HNB${String(index).padStart(8, '0')}`, now: receivedAt, accessCode, calendar });
  const associationId = pick(prefectures);
  const today = chinaDate(now);
  const closedOn = [addDays(record.receivedOn, 1 + Math.floor(random() * 60))].map((d) => (d > today ? today : d))[0]!;
  const roll = random();
  const routed = { associationId, acceptedOn: record.receivedOn, step: pick(steps), routedStep: undefined };
  const changes: Partial<CaseRecord> =
    roll < 0.08
      ? { associationId }
      : roll < 0.14
        ? { associationId, status: 'closed', outcome: 'not_accepted', refusalReason: pick(refusalReasonCodes), closedOn }
        : roll < 0.35
          ? { ...routed, status: 'accepted' }
          : roll < 0.75
            ? { ...routed, status: 'closed', outcome: 'resolved', closedOn, agreement: { source: 'mediation', recoveredFen: 1000 + Math.floor(random() * 300_000), at: `${closedOn}T02:00:00.000Z` } }
            : roll < 0.9
              ? { ...routed, status: 'closed', outcome: 'unresolved', closedOn }
              : { ...routed, status: 'closed', outcome: 'withdrawn', closedOn };
  const extra: Partial<CaseRecord> = {
    ...(changes.step === 'advance_payout' && changes.outcome === 'resolved' ? { payout: { state: 'paid', paidFen: changes.agreement?.recoveredFen ?? 0 } } : {}),
    ...(changes.status === 'closed' && random() < 0.3 ? { rating: { rating: (1 + Math.floor(random() * 5)) as 1 | 2 | 3 | 4 | 5, at: `${closedOn}T03:00:00.000Z` } } : {}),
    ...(complaint.injury.occurred && changes.step ? { safetyReport: { prefectureCode: associationId, reportedAt: record.receivedAt } } : {}),
  };
  // As the action path leaves them: a closed routed case (and a disclosure-step one) is a candidate, published once its window passed.
  const candidateOn = changes.status === 'closed' ? closedOn : record.receivedOn;
  if (changes.step && (changes.status === 'closed' || changes.step === 'disclosure')) {
    const bytes = Uint8Array.from({ length: 7 }, () => Math.floor(random() * 256));
    const candidacy = newCandidacy(publicRefFrom(bytes), candidateOn, calendar);
    extra.disclosure = candidacy.objectionUntil < today ? { ...candidacy, state: 'published', publishedAt: `${addDays(candidacy.objectionUntil, 1)}T01:00:00.000Z` } : candidacy;
  }
  const version = 1 + (changes.status ? (changes.status === 'closed' ? 3 : 1) : 0) + (extra.rating ? 1 : 0);
  const { routedStep: _unused, ...rest } = { ...changes, ...extra } as Partial<CaseRecord> & { routedStep?: undefined };
  return { ...record, ...rest, version, deadline: rest.status === 'closed' ? null : record.deadline } as CaseRecord;
}
