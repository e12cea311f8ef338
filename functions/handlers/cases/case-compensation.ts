import { parseCompensationQuery } from '../../domain/compensation/suggestions';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff, staffRoles } from '../../http/principal';
import { caseCompensation } from '../../services/compensation/case-compensation';

/** `GET /v1/cases/{caseId}/compensation?lossFen` — statutory compensation suggestions for the case's mediators and merchant. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, staffRoles);
  const query = parseCompensationQuery(request.query, request.lang);
  return jsonResponse(200, await caseCompensation(identity, request.params.caseId ?? '', { ...query, lang: request.lang }));
});
