import type { FastifyInstance } from 'fastify';
import { LibraryError } from '../errors.js';

interface ProfileChanges {
  name?: string;
  phone?: string;
}

const profileSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 120 },
      phone: { type: 'string', pattern: '^[+0-9 ]{6,20}$' },
    },
  },
} as const;

// Librarian edits: the properties are listed, but additionalProperties is not set, so extra keys pass through.
const librarianEditSchema = {
  body: {
    type: 'object',
    properties: {
      name: { type: 'string' },
      phone: { type: 'string' },
      maxLoans: { type: 'integer', minimum: 0, maximum: 30 },
    },
  },
} as const;

/** Registered inside the `memberApi` context of app.ts. */
export default async function memberRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get('/me', async (request) => {
    const me = await fastify.prisma.member.findUnique({
      where: { id: request.user.sub },
      select: { id: true, name: true, email: true, cardNumber: true, finesCents: true, phone: true },
    });
    if (!me) throw new LibraryError(404, 'Member not found');
    return me;
  });

  fastify.patch<{ Body: ProfileChanges }>('/me', { schema: profileSchema }, async (request) => {
    // safe for no-mass-assignment: additionalProperties: false strips unknown keys
    return fastify.prisma.member.update({ where: { id: request.user.sub }, data: request.body }); // $ api-guard/no-sensitive-data-exposure
  });

  fastify.patch<{ Params: { id: string }; Body: ProfileChanges & { maxLoans?: number } }>(
    '/:id',
    { onRequest: [fastify.requireLibrarian], schema: librarianEditSchema },
    async (request) => {
      return fastify.prisma.member.update({ where: { id: request.params.id }, data: request.body }); // $ api-guard/no-mass-assignment, api-guard/no-sensitive-data-exposure
    },
  );
}
