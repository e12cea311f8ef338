import { parseSafetyReportsQuery } from '../domain/routing/safety-report';
import { apiHandler, jsonResponse } from '../http/api-handler';
import { requireStaff } from '../http/principal';
import { safetyReportsFor } from '../services/safety/list-safety-reports';

/** `GET /v1/safety-reports` — regulators only: the safety reports of their region, newest first. */
export const handler = apiHandler(async (request) => {
  const regulator = requireStaff(request.principal, ['regulator']);
  return jsonResponse(200, await safetyReportsFor(regulator.region, parseSafetyReportsQuery(request.query, request.lang)));
});
