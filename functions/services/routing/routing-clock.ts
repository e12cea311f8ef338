import type { CaseRecord } from '../../domain/complaints/case';

/** Longer ago than any stream delay on this machine: only a simulated clock files a case this far back. */
const datedBackMs = 10 * 60_000;

/**
 * The clock a filed case is routed by. In AWS: now. On the local stack a
 * case filed with a simulated clock (`npm run demo` dates cases back through
 * the filing service) is routed as of its receipt, as the router would have
 * routed it then, so acceptance dates and deadlines follow the simulated
 * history whoever routes first: the stream consumer or the demo itself.
 */
export function routingClock(filed: Pick<CaseRecord, 'receivedAt'>, now: Date): Date {
  if (process.env.REDRESS_ENV !== 'local') return now;
  const receivedAt = Date.parse(filed.receivedAt);
  return now.getTime() - receivedAt > datedBackMs ? new Date(receivedAt) : now;
}
