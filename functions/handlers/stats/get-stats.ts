import { chinaDate } from '../../domain/calendar/dates';
import { parseStatisticsQuery } from '../../domain/statistics';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { readStatistics } from '../../services/statistics/read-statistics';

/** `GET /v1/stats?period=YYYY-MM|YYYY&by=category|region|issue|step|outcome[&lang=zh-CN|en]`: public figures (SPEC section 6). */
export const handler = apiHandler(async (request) => {
  const query = parseStatisticsQuery(request.query, chinaDate(new Date()), request.lang);
  return jsonResponse(200, await readStatistics(query), { 'Cache-Control': 'public, max-age=60' });
});
