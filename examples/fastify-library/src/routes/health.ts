import type { FastifyInstance } from 'fastify';

export default async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get('/health', async () => ({ status: 'ok' }));

  fastify.get('/ready', async (_request, reply) => {
    try {
      await fastify.prisma.$queryRaw`SELECT 1`;
      return { status: 'ready' };
    } catch (err) {
      fastify.log.warn({ err }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable' }); // safe: no error detail
    }
  });
}
