import { defineConfig } from 'prisma/config';

// The datasource URL lives here (Prisma 7). Migrations are plain SQL under prisma/migrations;
// kopdar applies them itself at start-up (src/infra/db/migrate.ts) because Prisma's native
// schema engine cannot be downloaded on every machine.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/kopdar.db' },
});
