import { parseLedgerQuery } from '../../domain/funds/ledger-query';
import { apiHandler, jsonResponse } from '../../http/api-handler';
import { requireStaff } from '../../http/principal';
import { readLedger } from '../../services/funds/read-fund';

/** `GET /v1/funds/{fundId}/ledger?limit=&cursor=` — the append-only ledger, oldest first, paginated. */
export const handler = apiHandler(async (request) => {
  const identity = requireStaff(request.principal, ['admin', 'mediator']);
  const query = parseLedgerQuery(request.query, request.lang);
  return jsonResponse(200, await readLedger(identity, request.params.fundId ?? '', query));
});
