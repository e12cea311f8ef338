import { chinaDate } from '../../domain/calendar/working-days';
import { collectiveCandidates, collectiveThreshold, collectiveWindow, membersInWindow, type CollectiveCandidate } from '../../domain/routing/collective';
import { caseSummaries, groupMonthCounts, groupMonths } from '../../store/collective-store';
import { getMerchant } from '../../store/registry-store';

export interface CollectiveCandidateList {
  items: CollectiveCandidate[];
  /** The window the counts cover, China dates. */
  window: { from: string; to: string };
}

/**
 * The collective-action candidates in one association's queue (SPEC section
 * 3): merchant-and-category groups with at least 5 counting cases filed in
 * the last 90 days. Three key-based reads, no Scan: the association's
 * group-month counts for the months the window touches; the id sets of the
 * groups whose counts reach 5 (months over-approximate the window); the
 * current status of those cases, since refused or withdrawn ones drop out.
 */
export async function listCollectiveCandidates(associationId: string, now: Date): Promise<CollectiveCandidateList> {
  const window = collectiveWindow(chinaDate(now));
  const counts = await groupMonthCounts(associationId, window.months);
  const totals = new Map<string, number>();
  for (const count of counts) {
    const key = `${count.merchantKey}|${count.category}`;
    totals.set(key, (totals.get(key) ?? 0) + count.memberCount);
  }
  const promising = counts.filter((count) => (totals.get(`${count.merchantKey}|${count.category}`) ?? 0) >= collectiveThreshold);
  if (promising.length === 0) return { items: [], window: { from: window.from, to: window.to } };

  const groups = membersInWindow(await groupMonths(associationId, promising), window);
  const enough = new Map([...groups].filter(([, group]) => group.caseIds.length >= collectiveThreshold));
  const summaries = await caseSummaries([...enough.values()].flatMap((group) => group.caseIds));
  return { items: await withRegistryNames(collectiveCandidates(enough, summaries)), window: { from: window.from, to: window.to } };
}

/** A group keeps the name a consumer wrote; a registered merchant is shown by its registry name (a few reads per listing, none per filing). */
async function withRegistryNames(candidates: CollectiveCandidate[]): Promise<CollectiveCandidate[]> {
  return Promise.all(
    candidates.map(async (candidate) => {
      const { creditCode } = candidate.merchant;
      const registered = creditCode ? await getMerchant(creditCode) : undefined;
      return registered ? { ...candidate, merchant: { ...candidate.merchant, name: registered.name } } : candidate;
    }),
  );
}
