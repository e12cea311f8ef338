import fs from 'node:fs/promises';
import path from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * The local dead-letter queue: records a consumer kept failing on, one JSON
 * line each, so they can be inspected and replayed. The images can hold
 * personal data, as the table does, so the file is readable by its owner only.
 */
export interface DeadLetter {
  consumer: string;
  failedAt: string;
  attempts: number;
  error: { name: string; message: string };
  record: DynamoDBRecord;
}

export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export async function appendDeadLetters(file: string, letters: readonly DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.appendFile(file, letters.map((letter) => `${JSON.stringify(letter)}\n`).join(''), { mode: 0o600 });
}

export async function readDeadLetters(file: string): Promise<DeadLetter[]> {
  try {
    const text = await fs.readFile(file, 'utf8');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as DeadLetter);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
