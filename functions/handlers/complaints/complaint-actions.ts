import { parseConsumerAction } from '../../domain/cases/action-schemas';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { actOnComplaint } from '../../services/complaints/complaint-actions';

/** `POST /v1/complaints/{caseId}/actions` with `X-Access-Code` — the consumer's own actions; answers their view. */
export const handler = apiHandler(async (request) => {
  const body = parseConsumerAction(request.body, request.lang);
  return jsonResponse(200, await actOnComplaint({ caseId: request.params.caseId ?? '', accessCode: request.headers['x-access-code'], clientAddress: request.sourceIp }, body, new Date()));
});
