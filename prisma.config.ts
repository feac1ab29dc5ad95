// Prisma CLI configuration. Trebuchet applies migrations itself (see api/db/migrate.ts); the CLI
// is used for `prisma generate`, and `prisma migrate deploy` works wherever Prisma's native engine
// is available, with DATABASE_URL set.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/trebuchet' },
});
