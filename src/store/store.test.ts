import { describe, expect, it } from 'vitest';
import { PG_ADMIN_URL, PG_UNREACHABLE, postgresDatabases, postgresReachable, sqliteDatabases, type TestDatabases } from './testing/databases.js';
import { changesSuite } from './testing/suites/changes.suite.js';
import { importSuite } from './testing/suites/import.suite.js';
import { migrationSuite } from './testing/suites/migrations.suite.js';
import { readSuite } from './testing/suites/read.suite.js';
import { samplesSuite } from './testing/suites/samples.suite.js';
import { searchSuite, searchTranscripts } from './testing/suites/search.suite.js';
import { afterAll } from 'vitest';

/**
 * The store suite, once per database. SQLite always runs; PostgreSQL runs when reachable
 * and must be reachable in CI.
 */
const pgReachable = await postgresReachable();
const inCi = process.env.CI === 'true';
if (!pgReachable && !inCi) console.log(PG_UNREACHABLE);

const targets: { name: string; available: boolean; make: () => TestDatabases }[] = [
  { name: 'sqlite', available: true, make: sqliteDatabases },
  { name: 'postgres', available: pgReachable, make: () => postgresDatabases() },
];

if (!pgReachable && inCi) {
  describe('postgres', () => {
    it('is reachable (CI runs the store suite on both databases)', () => {
      expect.fail(`CI 需要 PostgreSQL，但无法连接 ${PG_ADMIN_URL}`);
    });
  });
}

for (const target of targets) {
  describe.skipIf(!target.available)(`store on ${target.name}`, () => {
    const dbs = target.make();
    afterAll(() => dbs.dispose());
    migrationSuite(dbs);
    importSuite(dbs);
    readSuite(dbs);
    searchSuite(dbs);
    samplesSuite(dbs);
    changesSuite(dbs);
  });
}

describe.skipIf(!pgReachable)('both databases', () => {
  it('answer every search query identically', () => {
    expect(searchTranscripts.get('sqlite')).toBeDefined();
    expect(searchTranscripts.get('postgres')).toEqual(searchTranscripts.get('sqlite'));
  });
});
