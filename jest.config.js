/** Jest runs TypeScript through SWC; middy is ESM-only, so it is transformed too. */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];

/** What every project shares: node, SWC, and the ESM-only packages turned into CommonJS. */
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // middy, jose and opencc-js's dictionary modules ship ESM only; SWC turns them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose|opencc-js)/)'],
};

/**
 * Projects that talk to DynamoDB Local: jest starts one (and needs Java) only
 * when a test of such a project is selected, so `npm run test:unit` never does.
 */
const withDynamoDbLocal = {
  ...base,
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...base, displayName: 'cdk', testMatch: ['<rootDir>/tests/cdk/**/*.test.ts'] },
    { ...withDynamoDbLocal, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...withDynamoDbLocal, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
  ],
  // Two workers on 2 cores: most of a test's time is spent waiting on DynamoDB Local or Chromium, so two files at
  // once halve the suite (8.5 min instead of 16-24; measured with `npx jest --maxWorkers=2`, all green).
  maxWorkers: 2,
  // Integration tests share 2 cores with DynamoDB Local and Chromium; a busy machine is slow, not broken.
  // (jest reads testTimeout only here, for every project, not per project.)
  testTimeout: 60000,
};
