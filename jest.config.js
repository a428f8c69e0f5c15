/**
 * Two projects: unit tests need nothing and start nothing (`npx jest test/unit`
 * takes seconds); integration, CLI and browser tests share one real Neo4j,
 * started by the global setup when one of them runs.
 */
const shared = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
};

module.exports = {
  testTimeout: 120000,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/test/unit'], testRegex: '\\.spec\\.ts$' },
    {
      ...shared,
      displayName: 'neo4j',
      roots: ['<rootDir>/test'],
      testRegex: '\\.e2e-spec\\.ts$',
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
