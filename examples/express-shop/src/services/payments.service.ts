import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../config.js';

export interface PaymentIntent {
  id: string;
  clientSecret: string;
  status: string;
}

export async function createPaymentIntent(orderId: string, amountCents: number, currency: string): Promise<PaymentIntent> {
  const response = await fetch(`${config.paymentsBaseUrl}/payment_intents`, { // safe: the origin comes from configuration
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.PAYMENTS_API_KEY}` },
    body: JSON.stringify({ amount: amountCents, currency, metadata: { orderId } }),
  });
  if (!response.ok) throw new Error(`payment provider answered ${response.status}`);
  return (await response.json()) as PaymentIntent;
}

/** Checks the `x-psp-signature: t=<ts>,v1=<hex>` header of a webhook delivery. */
export function verifyWebhookSignature(rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', config.paymentsWebhookSecret).update(`${parts.t}.${rawBody.toString('utf8')}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
