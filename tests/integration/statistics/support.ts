import { randomUUID } from 'node:crypto';
import { chinaDate } from '../../../functions/domain/calendar/dates';
import type { ComplaintInput } from '../../../functions/domain/complaints/intake-schema';
import { cellId, type Counters } from '../../../functions/domain/statistics';
import { applyAction, closeIfFinished } from '../../../functions/services/cases/apply-action';
import { applyCaseChange } from '../../../functions/store/case-changes';
import { createCase, readCase } from '../../../functions/store/cases-store';
import { casesReceivedIn, getCaseRecords, getStatisticsState, readCells } from '../../../functions/store/statistics';
import { filedCase, nextMove, simulatedFundId, type MoveSeed } from '../../unit/statistics/support/case-histories';
import { depositToFund } from '../../../functions/services/funds/deposit';
import { putFundRegistration } from '../../../functions/store/funds-store';

/**
 * Case histories through the real store and the real action service (the
 * path every staff, consumer and system action takes), for the statistics
 * integration tests; the moves are those of the unit tests' simulator.
 */
/** The fund simulated advance payouts draw on, registered and funded once per table (SPEC section 9: fund actions move real money). */
let simulatedFund: Promise<void> | undefined;
function ensureSimulatedFund(): Promise<void> {
  simulatedFund ??= (async () => {
    const { fund } = await putFundRegistration(simulatedFundId, { name: '统计测试基金', kind: 'guarantee', associationId: '410100', perCaseLimitFen: 1_000_000 }, new Date().toISOString());
    await depositToFund({ role: 'admin' }, fund.fundId, { amountFen: 9_000_000_000, reference: 'stats tests' }, `stats-fund-${randomUUID()}`, 'en', new Date());
  })();
  return simulatedFund;
}

export async function fileCase(complaint: ComplaintInput, receivedAt: Date): Promise<string> {
  await ensureSimulatedFund();
  const caseId = `HNT${randomUUID().slice(0, 8).toUpperCase()}`;
  const { record } = filedCase(caseId, complaint, receivedAt);
  const outcome = await createCase(record);
  if (outcome.kind !== 'created') throw new Error(`could not file ${caseId}: ${outcome.kind}`);
  return caseId;
}

/** One random move on a stored case, as of `now`; closes the case when it reached an outcome, as the services do. */
export async function moveCase(caseId: string, seed: MoveSeed, now: Date): Promise<boolean> {
  const stored = await readCase(caseId);
  if (!stored) throw new Error(`no case ${caseId}`);
  const move = nextMove(stored.record, chinaDate(now), seed);
  if (!move) return false;
  if (move.kind === 'route') {
    const at = now.toISOString();
    const set = JSON.parse(JSON.stringify(move.set).replaceAll('"routedAt":""', `"routedAt":"${at}"`).replaceAll('"reportedAt":""', `"reportedAt":"${at}"`));
    await applyCaseChange({ caseId, expectedVersion: stored.record.version, set, event: { ...move.event, at } });
    const after = await readCase(caseId);
    await closeIfFinished(after!, now);
    return true;
  }
  const changed = await applyAction(stored, { action: move.action, role: move.role, fields: move.fields, now }, { allowedActions: () => [] });
  await closeIfFinished(changed, now);
  return true;
}

/** Every cell of the figures in use, by `period|by|key`. */
export async function allCells(): Promise<Record<string, Counters>> {
  const state = await getStatisticsState();
  if (!state) return {};
  const cells: Record<string, Counters> = {};
  for (const period of state.periods) {
    for (const { address, counters } of await readCells(state.generation, period)) {
      if (Object.keys(counters).length > 0) cells[cellId(address)] = counters;
    }
  }
  return Object.fromEntries(Object.entries(cells).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Waits until the byMonth index shows every case at its current version. A
 * rebuild reads that index, which (like a GSI in AWS) trails the table by a
 * moment; the real feed's overlap covers that for writes timestamped now,
 * but these tests also file cases dated in the past just before a rebuild.
 */
export async function untilIndexCaughtUp(caseIds: readonly string[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = new Map((await getCaseRecords(caseIds)).map((record) => [record.caseId, record]));
    const indexed = new Map<string, number>();
    for (const month of new Set([...current.values()].map((record) => record.receivedOn.slice(0, 7)))) {
      await casesReceivedIn(month, (records) => {
        for (const record of records) indexed.set(record.caseId, record.version);
      });
    }
    if ([...current.values()].every((record) => indexed.get(record.caseId) === record.version)) return;
    if (Date.now() > deadline) throw new Error('the byMonth index did not catch up with the table');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
