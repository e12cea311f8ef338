import { publicRows, statisticsCsv, type PublicRow, type StatisticsQuery } from '../../domain/statistics';
import { getStatisticsState, readCells } from '../../store/statistics';

/** `GET /v1/stats`: SPEC section 6's answer shape. */
export interface StatisticsAnswer {
  period: string;
  by: string;
  /** When the aggregation job last brought the figures up to date; null before its first run. */
  generatedAt: string | null;
  rows: PublicRow[];
}

export async function readStatistics(query: StatisticsQuery): Promise<StatisticsAnswer> {
  const state = await getStatisticsState();
  if (!state || state.generation === 0) return { period: query.period, by: query.by, generatedAt: null, rows: [] };
  const cells = await readCells(state.generation, query.period, query.by);
  const rows = publicRows(
    cells.filter((cell) => cell.address.by === query.by).map((cell) => ({ key: cell.address.key, counters: cell.counters })),
    query.by,
    query.lang,
  );
  return { period: query.period, by: query.by, generatedAt: state.generatedAt || null, rows };
}

export async function readStatisticsCsv(query: StatisticsQuery): Promise<{ csv: string; generatedAt: string | null }> {
  const answer = await readStatistics(query);
  return { csv: statisticsCsv(answer.rows, { period: query.period, by: query.by, lang: query.lang, generatedAt: answer.generatedAt }), generatedAt: answer.generatedAt };
}
