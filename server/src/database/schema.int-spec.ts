// The migrations build exactly the schema the entities describe: after they run, TypeORM finds
// nothing to change (a column or index left out of a migration would show here as a query).
import { DataSource } from 'typeorm';
import { TestApp } from '../testing/test-app';

describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('is what the entities describe once the migrations have run', async () => {
    const pending = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
