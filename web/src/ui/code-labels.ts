import type { Label } from '../../../functions/domain/i18n';
import { caseStatuses, caseSteps, categories, channels, claimTypes, issues, refusalReasons, regionByCode, type CodeEntry } from '../../../functions/reference';
import { pick, t } from './i18n';
import { texts, timelineTypes, type TextKey } from './texts';

/**
 * Labels for codes the API answers with, in the page language. The lists are
 * the seeds themselves (bundled), so a code added there shows up here too.
 */
function lookup(entries: readonly CodeEntry[]): (code: string) => string {
  const byCode = new Map(entries.map((entry) => [entry.code, entry.label]));
  // An unknown code is shown as it is rather than hidden: it still means something to staff.
  return (code) => {
    const label = byCode.get(code);
    return label ? pick(label) : code;
  };
}

export const statusLabel = lookup(caseStatuses);
export const stepLabel = lookup(caseSteps);
export const categoryLabel = lookup(categories);
export const issueLabel = lookup(issues);
export const claimTypeLabel = lookup(claimTypes);
export const channelLabel = lookup(channels);
export const refusalReasonLabel = lookup(refusalReasons);

export function regionLabel(code: string): string {
  const region = regionByCode(code);
  return region ? pick(region.name) : code;
}

function fromTable(prefix: string, code: string): string | undefined {
  const key = `${prefix}_${code}`;
  return key in texts ? t(key as TextKey) : undefined;
}

export function actorLabel(actor: string): string {
  return fromTable('actor', actor) ?? actor;
}

export function deadlineKindLabel(kind: string): string {
  return fromTable('deadline', kind) ?? kind;
}

export function offerStatusLabel(status: string): string {
  return fromTable('offer', status) ?? status;
}

export function timelineTypeLabel(type: string): string | undefined {
  const label: Label | undefined = timelineTypes[type];
  return label ? pick(label) : undefined;
}
