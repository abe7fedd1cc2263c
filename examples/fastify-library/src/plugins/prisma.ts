import { PrismaClient } from '@prisma/client';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: PrismaClient;
  }
}

export default fp(async function prismaPlugin(fastify: FastifyInstance) {
  const prisma = new PrismaClient({
    datasources: {
      db: { url: process.env.DATABASE_URL ?? 'postgresql://library_svc:pJ7sQ2wLx9Rk4Tz1@pg.library.internal:5432/library' }, // $ api-guard/no-hardcoded-secrets
    },
  });
  await prisma.$connect();
  fastify.decorate('prisma', prisma);
  fastify.addHook('onClose', async () => {
    await prisma.$disconnect();
  });
});
