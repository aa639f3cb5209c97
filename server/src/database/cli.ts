// Migration commands: `run` applies pending migrations; `generate <Name>` writes a new
// migration from the difference between the entities and the database (after running
// the pending ones), for a human to read before committing.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/config';
import { openDatabase } from './database';
import { createDataSource } from './data-source';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const db = await openDatabase(config, (line) => console.log(line));
  const dataSource = createDataSource(db.url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    console.log(`Applied ${applied.length} migration(s)${applied.map((m) => `\n  ${m.name}`).join('')}`);
    if (command === 'generate') {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate <PascalCaseName>');
      const sql = await dataSource.driver.createSchemaBuilder().log();
      if (sql.upQueries.length === 0) {
        console.log('The schema matches the entities; nothing to generate.');
        return;
      }
      const stamp = Date.now();
      const className = `${name}${stamp}`;
      const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`');
      const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
      const down = sql.downQueries
        .reverse()
        .map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`)
        .join('\n');
      const file = resolve(__dirname, '..', '..', 'src', 'database', 'migrations', `${stamp}-${name}.ts`);
      writeFileSync(
        file,
        `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
      );
      console.log(`Wrote ${join('src', 'database', 'migrations', `${stamp}-${name}.ts`)}; add it to migrations/index.ts`);
    } else if (command !== 'run') {
      throw new Error('usage: cli.js run | generate <Name>');
    }
  } finally {
    await dataSource.destroy();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
