import path from 'node:path';

/**
 * Where the local stack keeps things. Everything here is under the repo and
 * gitignored: `.cache/` holds downloads that can be fetched again, `.data/`
 * holds state a developer would miss (the local database, keys, checkpoints).
 */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const cacheDir = path.join(repoRoot, '.cache');
export const dataDir = path.join(repoRoot, '.data');
export const buildDir = path.join(repoRoot, '.build');

export const dynamoDbLocalDir = path.join(cacheDir, 'dynamodb-local');
export const localDatabaseDir = path.join(dataDir, 'dynamodb');
export const localJwtDir = path.join(dataDir, 'local-jwt');
export const streamCheckpointsFile = path.join(dataDir, 'stream-checkpoints.json');
/** `{endpoint, tableName, port, pid}` of the running `npm start`, written when it is ready. */
export const localStackFile = path.join(dataDir, 'local-stack.json');
export const deadLettersFile = path.join(dataDir, 'dead-letters.jsonl');
export const outboxFile = path.join(dataDir, 'outbox.jsonl');
export const webBuildDir = path.join(buildDir, 'web');
export const handlersDir = path.join(repoRoot, 'functions', 'handlers');

/** The local stack's one table (`npm start`, `npm run redrive`). */
export const localTableName = 'redress-local';
