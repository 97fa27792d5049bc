// Generates the Prisma client offline: Prisma's CLI insists on a schema-engine binary it
// would otherwise download, so we point it at a stub that always fails (see docs/DEVELOPMENT.md).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stub = path.join(root, 'scripts', 'schema-engine-stub.sh');
if (existsSync(stub)) chmodSync(stub, 0o755);
const prismaBin = path.join(root, 'node_modules', '.bin', 'prisma');
const result = spawnSync(prismaBin, ['generate'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
