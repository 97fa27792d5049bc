import type { PrismaClient } from '../generated/client.ts';

/** The Prisma client inside an interactive transaction. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
