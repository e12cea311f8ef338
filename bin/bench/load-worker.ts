/**
 * Runs one closed-loop load in a worker thread, so the clients' work (HTTP
 * client, SDK marshalling) does not share an event loop with the local
 * server under test — as real clients would not.
 */
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb } from '../../functions/store/client';
import { newCaseId } from '../../functions/domain/complaints/case-id';
import { keys } from '../../functions/store/keys';
import { benchComplaint } from './complaints';
import { runLoad } from './load';

export type LoadJob =
  /** Each filing a different complaint (`benchComplaint`): one body filed again would only be refused as a duplicate. */
  | { kind: 'intake'; url: string; concurrency: number; durationMs: number }
  | { kind: 'put'; tableName: string; caseItem: Record<string, unknown> & { receivedOn: string }; concurrency: number; durationMs: number }
  /** The items one routed filing writes (case, routing event, open-case marker), in one conditional transaction as intake sends them. */
  | { kind: 'filingTransaction'; tableName: string; caseItem: Record<string, unknown> & { receivedOn: string }; eventItem: Record<string, unknown>; markerItem: Record<string, unknown>; concurrency: number; durationMs: number };

function operationFor(job: LoadJob): () => Promise<boolean> {
  if (job.kind === 'intake') {
    let serial = 0;
    return async () => {
      const response = await fetch(job.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify(benchComplaint(serial++)),
      });
      await response.arrayBuffer();
      return response.status === 201;
    };
  }
  if (job.kind === 'filingTransaction') {
    return async () => {
      const caseId = newCaseId(job.caseItem.receivedOn);
      const put = (Item: Record<string, unknown>) => ({ Put: { TableName: job.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } });
      const { pk } = keys.case(caseId);
      await documentDb().send(
        new TransactWriteCommand({
          TransactItems: [put({ ...job.caseItem, ...keys.case(caseId), caseId }), put({ ...job.eventItem, pk, caseId }), put({ ...job.markerItem, ...keys.openCaseMarker(caseId), caseId })],
        }),
      );
      return true;
    };
  }
  return async () => {
    const caseId = newCaseId(job.caseItem.receivedOn);
    await documentDb().send(new PutCommand({ TableName: job.tableName, Item: { ...job.caseItem, ...keys.case(caseId), caseId } }));
    return true;
  };
}

if (parentPort) {
  const job = workerData as LoadJob;
  runLoad(job.concurrency, job.durationMs, operationFor(job)).then((result) => parentPort!.postMessage(result));
}
