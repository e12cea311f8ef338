import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutgoingMessage } from './sender';

/** The local stack's outbox: `.data/outbox.jsonl`, one message per line, oldest first. */
export interface OutboxEntry extends OutgoingMessage {
  sentAt: string;
}

export async function appendOutbox(file: string, message: OutgoingMessage, now: Date): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // One appendFile call per line: concurrent senders in this process never interleave within a line.
  await appendFile(file, `${JSON.stringify({ ...message, sentAt: now.toISOString() } satisfies OutboxEntry)}\n`, 'utf8');
}

/** Every message sent to `to` (a phone or an e-mail address), oldest first. */
export async function readOutbox(file: string, to: string): Promise<OutboxEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const wanted = to.trim().toLowerCase();
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as OutboxEntry)
    .filter((entry) => entry.to.toLowerCase() === wanted);
}
