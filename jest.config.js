/** Jest runs TypeScript through SWC; middy is ESM-only, so it is transformed too. */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // middy, jose and opencc-js's dictionary modules ship ESM only; SWC turns them into CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose|opencc-js)/)'],
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  // Integration tests share 2 cores with DynamoDB Local and Chromium; a busy machine is slow, not broken.
  testTimeout: 60000,
};
