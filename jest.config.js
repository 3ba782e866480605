// Jest runs on swc (no type check: `npm run typecheck` does that). middy and jose are ESM-only,
// and zod's per-locale files are imported as ES modules, so they are transformed too; everything
// else in node_modules ships CommonJS.
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } },
];

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'b64'],
  // Stand-ins for what esbuild makes of two imports; the first match wins. The docs renderer is
  // imported prepared (`with { type: 'prepared-renderer' }`), the OpenAPI document as text.
  transform: {
    'redoc/bundles/redoc\\.standalone\\.js$': '<rootDir>/test/support/renderer-transform.cjs',
    '\\.gz\\.b64$': '<rootDir>/test/support/text-transform.cjs',
    '^.+\\.(t|j|mj)s$': swc,
  },
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose|zod/v4/locales|zod/v4/core|redoc/bundles)/)'],
  // @middy/core exports only an `import` condition, which jest's CommonJS resolver does not try.
  moduleNameMapper: { '^@middy/(core|util)$': '<rootDir>/node_modules/@middy/$1/index.js' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/isolated-stores-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-guard.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
