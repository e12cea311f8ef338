import { chinaDate } from '../../domain/calendar/dates';
import { csvFileName, parseStatisticsQuery } from '../../domain/statistics';
import { apiHandler } from '../../http/api-handler';
import { textResponse } from '../../http/response';
import { readStatisticsCsv } from '../../services/statistics/read-statistics';

/** `GET /v1/stats.csv`: the same figures as CSV, UTF-8 with BOM; Chinese column names unless `lang=en`. */
export const handler = apiHandler(async (request) => {
  // Spreadsheet users in China are the audience: Chinese unless asked otherwise, whatever the browser sends.
  const query = parseStatisticsQuery(request.query, chinaDate(new Date()), request.lang, 'zh-CN');
  const { csv } = await readStatisticsCsv(query);
  return textResponse(200, csv, 'text/csv; charset=utf-8', {
    'Content-Disposition': `attachment; filename="${csvFileName(query.period, query.by)}"`,
    'Cache-Control': 'public, max-age=60',
  });
});
