import { addDays } from '../calendar/dates';
import { monthsBetween } from '../calendar/months';
import type { CaseStatus, CaseStep } from '../lifecycle';

/** SPEC section 3: at least 5 cases naming the same merchant and category within 90 days. */
export const collectiveThreshold = 5;
export const collectiveWindowDays = 90;

/** The 90 days that end today (today included), and the China months they touch (at most 4). */
export function collectiveWindow(today: string): { from: string; to: string; months: string[] } {
  const from = addDays(today, -(collectiveWindowDays - 1));
  return { from, to: today, months: monthsBetween(from, today) };
}

/**
 * Open and closed cases count (SPEC section 3); refused and withdrawn ones
 * do not, nor a closed case that was never accepted (closed with no step:
 * it was refused or withdrawn before acceptance).
 */
export function countsTowardsCollective(summary: { status: CaseStatus; step: CaseStep | null }): boolean {
  if (summary.status === 'not_accepted' || summary.status === 'withdrawn') return false;
  if (summary.status === 'closed') return summary.step !== null;
  return true;
}

/** A group member as stored: the China date filed first, so a window is a string comparison. */
export function memberEntry(receivedOn: string, caseId: string): string {
  return `${receivedOn}#${caseId}`;
}

export function parseMemberEntry(entry: string): { receivedOn: string; caseId: string } {
  const [receivedOn = '', caseId = ''] = entry.split('#');
  return { receivedOn, caseId };
}

/** One month's cases of one merchant and category in one association's queue. */
export interface GroupMonth {
  merchantKey: string;
  merchantName: string;
  creditCode?: string;
  category: string;
  members: readonly string[];
}

export interface CaseSummary {
  caseId: string;
  receivedAt: string;
  status: CaseStatus;
  step: CaseStep | null;
}

export interface CollectiveCandidate {
  merchant: { name: string; creditCode?: string };
  category: string;
  caseCount: number;
  cases: CaseSummary[];
}

const groupKeyOf = (group: Pick<GroupMonth, 'merchantKey' | 'category'>) => `${group.merchantKey}|${group.category}`;

/** The case ids of each merchant-and-category group that fall in the window, from its month items. */
export function membersInWindow(groupMonths: readonly GroupMonth[], window: { from: string; to: string }): Map<string, { group: GroupMonth; caseIds: string[] }> {
  const groups = new Map<string, { group: GroupMonth; caseIds: Set<string> }>();
  for (const month of groupMonths) {
    const key = groupKeyOf(month);
    const entry = groups.get(key) ?? { group: month, caseIds: new Set<string>() };
    for (const member of month.members) {
      const { receivedOn, caseId } = parseMemberEntry(member);
      if (receivedOn >= window.from && receivedOn <= window.to) entry.caseIds.add(caseId);
    }
    groups.set(key, entry);
  }
  return new Map([...groups].map(([key, { group, caseIds }]) => [key, { group, caseIds: [...caseIds] }]));
}

/**
 * The groups with enough counting cases, biggest first; each lists its
 * cases oldest first. `summaries` are the current cases (a group's ids may
 * include cases since refused or withdrawn, which drop out here).
 */
export function collectiveCandidates(
  groups: ReadonlyMap<string, { group: GroupMonth; caseIds: readonly string[] }>,
  summaries: ReadonlyMap<string, CaseSummary>,
): CollectiveCandidate[] {
  const candidates: CollectiveCandidate[] = [];
  for (const { group, caseIds } of groups.values()) {
    const cases = caseIds
      .map((id) => summaries.get(id))
      .filter((summary): summary is CaseSummary => summary !== undefined && countsTowardsCollective(summary))
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    if (cases.length < collectiveThreshold) continue;
    candidates.push({
      merchant: { name: group.merchantName, ...(group.creditCode ? { creditCode: group.creditCode } : {}) },
      category: group.category,
      caseCount: cases.length,
      cases,
    });
  }
  return candidates.sort((a, b) => b.caseCount - a.caseCount || a.merchant.name.localeCompare(b.merchant.name, 'zh-CN') || a.category.localeCompare(b.category));
}
