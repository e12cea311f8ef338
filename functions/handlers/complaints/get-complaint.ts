import { apiHandler, jsonResponse } from '../../http/api-handler';
import { viewComplaint } from '../../services/complaints/view-complaint';

/** `GET /v1/complaints/{caseId}` with `X-Access-Code`: the consumer's view of their case. */
export const handler = apiHandler(async (request) => {
  const view = await viewComplaint({ caseId: request.params.caseId ?? '', accessCode: request.headers['x-access-code'], clientAddress: request.sourceIp }, new Date());
  return jsonResponse(200, view);
});
