import sensible from '@fastify/sensible';
import Fastify, { type FastifyInstance } from 'fastify';
import { LibraryError } from './errors.js';
import authPlugin from './plugins/auth.js';
import prismaPlugin from './plugins/prisma.js';
import authRoutes from './routes/auth.js';
import catalogRoutes from './routes/catalog.js';
import healthRoutes from './routes/health.js';
import importRoutes from './routes/imports.js';
import loanRoutes from './routes/loans.js';
import memberRoutes from './routes/members.js';
import webhookRoutes from './routes/webhooks.js';

export async function buildApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' }, trustProxy: true }); // $ api-guard/no-permissive-cors

  await app.register(sensible);
  await app.register(prismaPlugin);
  await app.register(authPlugin);

  app.setErrorHandler((error, request, reply) => {
    if (error.validation) {
      return reply.status(400).send({ error: 'Invalid request', message: error.message }); // safe: schema validation text about the client's input
    }
    if (error instanceof LibraryError) {
      return reply.status(error.statusCode).send({ error: error.message }); // safe: our own client-facing error
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: 'Something went wrong on our side' }); // safe: generic
  });

  // Public on purpose: probes and sign-in.
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/auth' });
  await app.register(webhookRoutes, { prefix: '/webhooks' });

  // Member area: one encapsulated context whose onRequest hook covers every route registered inside.
  await app.register(
    async function memberApi(api) {
      api.addHook('onRequest', api.authenticate);
      await api.register(loanRoutes, { prefix: '/loans' });
      await api.register(memberRoutes, { prefix: '/members' });
      await api.register(importRoutes, { prefix: '/imports' });
    },
    { prefix: '/api' },
  );

  // The catalogue checks auth route by route (see routes/catalog.ts).
  await app.register(catalogRoutes, { prefix: '/api/catalog' });

  // Report for the branch managers, added on the root instance, outside the member context.
  app.get('/api/reports/overdue.csv', async (_request, reply) => { // $ api-guard/require-auth-guard
    const overdue = await app.prisma.loan.findMany({
      where: { returnedAt: null, dueAt: { lt: new Date() } },
      include: { member: { select: { name: true, email: true, phone: true } } },
    });
    reply.type('text/csv');
    return ['name,email,phone,isbn,due', ...overdue.map((l) => `${l.member.name},${l.member.email},${l.member.phone ?? ''},${l.isbn},${l.dueAt.toISOString()}`)].join('\n');
  });

  return app;
}
