import Module from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';

/*
 * typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 (our
 * `tsc`) no longer ships. TypeScript publishes the 6.0 API side by side as
 * `@typescript/typescript6`; inside this ESLint process every
 * `require('typescript')` gets that one. (package.json's override keeps npm
 * from rejecting typescript-eslint's `typescript <6.1` peer range.)
 */
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const typescript6 = request === 'typescript' || request.startsWith('typescript/') ? `@typescript/typescript6${request.slice('typescript'.length)}` : request;
  return resolveFilename.call(this, typescript6, ...rest);
};

const { default: tseslint } = await import('typescript-eslint');
const { importX, createNodeResolver } = await import('eslint-plugin-import-x');

/*
 * The layering of the README, checked on resolved paths (a relative import
 * cannot slip past by its spelling). Each zone: files in `target` may not
 * import files in `from`.
 */
const layers = [
  {
    target: './functions/domain',
    from: ['./functions/store', './functions/services', './functions/http', './functions/handlers'],
    message: 'functions/domain is pure: no store, services, http or handlers.',
  },
  {
    target: './functions/services',
    from: ['./functions/handlers', './functions/http'],
    message: 'Services are called by handlers, never the other way round, and know nothing of HTTP.',
  },
  {
    target: './functions/store',
    from: ['./functions/services', './functions/handlers', './functions/http'],
    message: 'The store is the bottom layer: it imports no services, handlers or http.',
  },
  {
    target: './functions/handlers',
    from: './functions/handlers',
    // A handler factory shared by the scheduled jobs, not a Lambda entry of its own.
    except: ['./jobs/scheduled-job.ts'],
    message: 'Handlers never import other handlers: move the shared part to a service or to http/.',
  },
];

/*
 * What the web pages may import from the server code as values: the pure
 * modules they share with it (schemas, validation, codes, labels). Anything
 * else only as `import type`. Extend the list deliberately, and only with
 * folders of functions/domain or functions/reference.
 */
const webSharedModules = [
  'domain/calendar/',
  // action request schemas and the lifecycle's action vocabulary: forms check what the API checks
  'domain/cases/action-schemas$',
  'domain/complaints/',
  'domain/disclosure/',
  'domain/errors$',
  // fund registry and deposit schemas: the fund forms check what the API checks
  'domain/funds/fund$',
  'domain/i18n$',
  'domain/lifecycle$',
  'domain/merchants/',
  // fen as yuan text: the pages show amounts as the CSV files write them
  'domain/money$',
  'domain/validation/',
  'reference$',
  // the route table's list of scheduled jobs (the admin's job buttons): plain data, no imports
  'routes$',
];
const webServerImport = `^(\\.\\./)+(functions/(?!(${webSharedModules.join('|')}))|lib/|bin/)`;

export default defineConfig(
  globalIgnores(['cdk.out/', '.build/', '.data/', '.cache/', 'coverage/', '.scratch/', '**/*.js', '**/*.mjs']),
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      // The zones above see only imports that resolve; so every relative one must.
      'import-x/no-unresolved': ['error', { ignore: ['^[^.]'] }],
      // `const { secret: _secret, ...rest } = x` is how the code drops a field.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON answers of the API as loosely typed records.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['functions/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@aws-sdk/*'], message: 'functions/domain is pure: no AWS SDK.' }] },
      ],
    },
  },
  {
    // The functions and pages read tables generated from these packages (docs/bundles.md); bundled, they cost 780 KB.
    // (The core rule, so that it adds to the @typescript-eslint one the blocks around set; require() is already an error.)
    files: ['functions/**/*.ts', 'web/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['pinyin-pro', 'pinyin-pro/*', 'tyme4ts', 'tyme4ts/*', 'opencc-js', 'opencc-js/*'],
              message: 'Read the tables in seeds/ that npm run seeds:generate makes from this package (docs/bundles.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: webServerImport,
              allowTypeImports: true,
              message: 'web/src imports server code as `import type`, or values from the shared modules listed in eslint.config.mjs.',
            },
          ],
        },
      ],
    },
  },
);
