import fs from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';

/**
 * Where each consumer has got to in each shard, kept on disk so a restart
 * resumes right after the last record handled: nothing lost while the
 * stack was down, nothing handed over twice.
 */
const shardProgress = z.strictObject({
  /** The last record handled (delivered or dead-lettered); absent: nothing yet, start at the shard's beginning. */
  sequenceNumber: z.string().optional(),
  /** The shard is closed and every record in it was handled. */
  finished: z.boolean().optional(),
});
const consumerProgress = z.strictObject({ streamArn: z.string(), shards: z.record(z.string(), shardProgress) });
const checkpointFile = z.strictObject({ version: z.literal(1), consumers: z.record(z.string(), consumerProgress) });

export type ShardProgress = z.infer<typeof shardProgress>;
export type ConsumerProgress = z.infer<typeof consumerProgress>;
type CheckpointFile = z.infer<typeof checkpointFile>;

export class CheckpointStore {
  private lastSave: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly data: CheckpointFile,
  ) {}

  static async open(file: string): Promise<CheckpointStore> {
    let data: CheckpointFile = { version: 1, consumers: {} };
    try {
      data = checkpointFile.parse(JSON.parse(await fs.readFile(file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`${file} is not a valid checkpoint file (${(error as Error).message}); delete it to start the stream consumers from the latest record`);
      }
    }
    return new CheckpointStore(file, data);
  }

  /** The consumer's progress on this stream; `undefined` on its first start (or when the table was made anew). */
  progress(consumer: string, streamArn: string): ConsumerProgress | undefined {
    const progress = this.data.consumers[consumer];
    return progress?.streamArn === streamArn ? progress : undefined;
  }

  async record(consumer: string, streamArn: string, shardId: string, update: ShardProgress): Promise<void> {
    let progress = this.progress(consumer, streamArn);
    if (!progress) {
      progress = { streamArn, shards: {} };
      this.data.consumers[consumer] = progress;
    }
    progress.shards[shardId] = { ...progress.shards[shardId], ...update };
    await this.save();
  }

  /** Marks the consumer as started on this stream, with what it found. */
  async begin(consumer: string, streamArn: string, shards: Record<string, ShardProgress>): Promise<void> {
    this.data.consumers[consumer] = { streamArn, shards };
    await this.save();
  }

  /** Saves run one after another (consumers share the file), each writing the state as it is then. */
  private save(): Promise<void> {
    const saved = this.lastSave.then(async () => {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      // Written aside and renamed: a crash mid-write leaves the previous checkpoint, never half a file.
      const staged = `${this.file}.${process.pid}.tmp`;
      await fs.writeFile(staged, `${JSON.stringify(this.data, null, 2)}\n`);
      await fs.rename(staged, this.file);
    });
    this.lastSave = saved.catch(() => undefined);
    return saved;
  }
}
