import got from 'got';
import type { FastifyInstance } from 'fastify';
import { fetch } from 'undici';
import { LibraryError } from '../errors.js';
import { downloadCover } from '../services/cover.service.js';

/** Union catalogues we sync with; nothing else is fetched by /opac-sync. */
const OPAC_HOSTS = new Set(['opac.regional-union.example', 'z3950.national-library.example']);

/** Registered inside the `memberApi` context of app.ts; every route also requires a librarian. */
export default async function importRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('preHandler', fastify.requireLibrarian);

  // This context's own error handler: librarians asked for "the real error".
  fastify.setErrorHandler((error, _request, reply) => {
    reply.status(error.statusCode ?? 500).send({ error: error.message, stack: error.stack }); // $ api-guard/no-verbose-errors
  });

  fastify.get<{ Querystring: { feed: string } }>('/marc', async (request) => {
    const records = await got(request.query.feed, { timeout: { request: 10_000 } }).text(); // $ api-guard/no-ssrf
    return { records: records.split('\u001d').length - 1 };
  });

  fastify.post<{ Params: { isbn: string }; Body: { coverUrl: string } }>('/books/:isbn/cover', async (request, reply) => {
    const cover = await downloadCover(request.body.coverUrl);
    await fastify.prisma.book.update({ where: { isbn: request.params.isbn }, data: { coverKey: `covers/${request.params.isbn}` } });
    return reply.code(201).send({ bytes: cover.bytes.length });
  });

  fastify.post<{ Body: { mirrorHost: string; isbn: string } }>('/mirror', async (request) => {
    const { mirrorHost, isbn } = request.body;
    const response = await fetch(`https://${mirrorHost}/marc/${encodeURIComponent(isbn)}`); // $ api-guard/no-ssrf
    return { status: response.status };
  });

  fastify.post<{ Body: { url: string } }>('/opac-sync', async (request) => {
    const target = new URL(request.body.url);
    if (target.protocol !== 'https:' || !OPAC_HOSTS.has(target.hostname)) {
      throw new LibraryError(400, 'Not a catalogue we sync with');
    }
    const body = await got(target, { timeout: { request: 10_000 } }).json<{ changed: number }>(); // safe: host checked against OPAC_HOSTS
    return { changed: body.changed };
  });
}
