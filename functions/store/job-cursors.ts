import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentDb, tableName } from './client';
import { keys } from './keys';

/**
 * A job's place between runs: per partition it reads, the key to start the
 * next page from (absent: from the start). Last writer wins: two runs of
 * the same job at once only re-read a page, and the job's own writes are
 * idempotent.
 */
export type JobCursor = Record<string, Record<string, unknown>>;

export async function getJobCursor(job: string): Promise<JobCursor> {
  const { Item } = await documentDb().send(new GetCommand({ TableName: tableName(), Key: keys.jobCursor(job), ConsistentRead: true }));
  return (Item?.positions as JobCursor | undefined) ?? {};
}

export async function putJobCursor(job: string, positions: JobCursor, at: Date): Promise<void> {
  await documentDb().send(new PutCommand({ TableName: tableName(), Item: { ...keys.jobCursor(job), entity: 'jobCursor', job, positions, updatedAt: at.toISOString() } }));
}
