import type { CaseRecord } from '../complaints/case';
import type { Label } from '../i18n';
import type { CaseStep } from '../lifecycle';
import { refusalReasons } from '../../reference';
import type { CaseOutcome } from './case-fields';
import { caseTexts } from './texts';

/**
 * What the consumer needs to read first about their case. `closed` alone
 * says nothing to them: a closed case reads as how it ended (not accepted,
 * resolved, unresolved, withdrawn), a refusal with its reason and an
 * unresolved case with the routes left to the consumer.
 */
export type HeadlineCode = 'received' | 'accepted' | CaseOutcome;

export interface ConsumerHeadline {
  code: HeadlineCode;
  /** The step the case is in while it is accepted. */
  step?: CaseStep;
  closed: boolean;
  /** China date the case closed. */
  closedOn?: string;
  /** Refusals: the reason code (`time_barred`, ...). */
  reasonCode?: string;
  /** One line the consumer reads: why it was not accepted, or what they can do after mediation failed. */
  reason?: Label;
}

const refusalLabels = new Map(refusalReasons.map((entry) => [entry.code, entry.label]));

function codeOf(record: CaseRecord): HeadlineCode {
  if (record.status === 'closed') return record.outcome ?? (record.refusalReason || record.routing?.outcome === 'not_accepted' ? 'not_accepted' : 'resolved');
  return record.status;
}

export function consumerHeadline(record: CaseRecord): ConsumerHeadline {
  const code = codeOf(record);
  const closed = record.status === 'closed';
  const base = { code, closed, ...(closed && record.closedOn ? { closedOn: record.closedOn } : {}) };
  if (code === 'accepted' && record.step) return { ...base, step: record.step };
  if (code === 'not_accepted') {
    // A mediator's refusal names a code; the router's own refusal carries its one-line reason.
    const reasonCode = record.refusalReason ?? record.routing?.refusalReason;
    const reason = record.refusalReason ? refusalLabels.get(record.refusalReason) : (record.routing?.reason ?? (reasonCode ? refusalLabels.get(reasonCode) : undefined));
    return { ...base, ...(reasonCode ? { reasonCode } : {}), ...(reason ? { reason } : {}) };
  }
  if (code === 'unresolved') return { ...base, reason: caseTexts.nextRoutes };
  return base;
}
