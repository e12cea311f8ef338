import { commitStatisticsState, deleteCellsOfPeriod, type StatisticsState } from '../../store/statistics';
import type { RunContext } from './run-context';

/**
 * Removes the cells of generations no longer read (left by a rebuild), a
 * period at a time while the run has time, committing what is left to do.
 * Nothing reads those cells, so how long this takes matters to nobody;
 * still, each run removes at least one period, and says `more` until done.
 */
export async function removeObsoleteCells(initial: StatisticsState, context: RunContext): Promise<StatisticsState> {
  let state = initial;
  for (let removed = 0; state.obsolete?.length && (removed === 0 || Date.now() < context.deadline); removed++) {
    const [first, ...others] = state.obsolete;
    const [period, ...periods] = first!.periods;
    if (period !== undefined) await deleteCellsOfPeriod(first!.generation, period);
    const remaining = periods.length > 0 ? [{ generation: first!.generation, periods }, ...others] : others;
    const { obsolete: _removed, ...rest } = state;
    const next: StatisticsState = remaining.length > 0 ? { ...rest, obsolete: remaining } : rest;
    await commitStatisticsState(next, state.step, false);
    state = { ...next, step: state.step + 1 };
  }
  if (state.obsolete?.length) context.report.more = true;
  return state;
}
