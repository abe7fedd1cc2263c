import type { FastifyInstance } from 'fastify';
import { LibraryError } from '../errors.js';
import { lookupCoverByIsbn } from '../services/cover.service.js';

interface NewBook {
  isbn: string;
  title: string;
  author: string;
  year?: number;
  copies?: number;
}

// No additionalProperties: false, so `featured` or `addedById` in the body reach the write below.
const newBookSchema = {
  body: {
    type: 'object',
    required: ['isbn', 'title', 'author'],
    properties: {
      isbn: { type: 'string', pattern: '^[0-9X-]{10,17}$' },
      title: { type: 'string', minLength: 1 },
      author: { type: 'string', minLength: 1 },
      year: { type: 'integer' },
      copies: { type: 'integer', minimum: 1 },
    },
  },
} as const;

/** Registered at the root (app.ts): each route names its own auth hook. */
export default async function catalogRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get<{ Querystring: { q?: string } }>('/books', { onRequest: [fastify.authenticate] }, async (request) => {
    const q = request.query.q?.trim();
    return fastify.prisma.book.findMany({
      where: q ? { OR: [{ title: { contains: q, mode: 'insensitive' } }, { author: { contains: q, mode: 'insensitive' } }] } : {},
      take: 50,
    });
  });

  fastify.get<{ Params: { isbn: string } }>('/books/:isbn', { onRequest: [fastify.authenticate] }, async (request) => {
    const book = await fastify.prisma.book.findUnique({ where: { isbn: request.params.isbn } });
    if (!book) throw new LibraryError(404, 'No such book in the catalogue');
    return book;
  });

  fastify.post<{ Body: NewBook }>('/books', { onRequest: [fastify.requireLibrarian], schema: newBookSchema }, async (request, reply) => {
    const book = await fastify.prisma.book.create({ data: { ...request.body, addedById: request.user.sub } }); // $ api-guard/no-mass-assignment
    return reply.code(201).send(book);
  });

  fastify.post<{ Params: { isbn: string }; Body: { memberId: string } }>('/books/:isbn/holds', async (request, reply) => { // $ api-guard/require-auth-guard
    const hold = await fastify.prisma.hold.create({ data: { isbn: request.params.isbn, memberId: request.body.memberId } });
    return reply.code(201).send(hold);
  });

  fastify.get<{ Params: { isbn: string } }>('/books/:isbn/cover', { onRequest: [fastify.authenticate] }, async (request, reply) => {
    const cover = await lookupCoverByIsbn(request.params.isbn);
    return reply.type(cover.contentType).send(cover.bytes);
  });
}
