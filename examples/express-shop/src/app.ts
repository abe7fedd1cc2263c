import cors from 'cors';
import express from 'express';
import helmet from 'helmet';
import { Product } from './models/product.js';
import { requireAuth, requireRole } from './middleware/auth.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { accountRouter } from './routes/account.routes.js';
import { adminRouter } from './routes/admin.routes.js';
import { authRouter } from './routes/auth.routes.js';
import { catalogRouter } from './routes/catalog.routes.js';
import { ordersRouter } from './routes/orders.routes.js';
import { reviewsRouter } from './routes/reviews.routes.js';
import { webhooksRouter } from './routes/webhooks.routes.js';

export const app = express();

app.disable('x-powered-by');
app.use(helmet());
app.use(cors({ origin: ['https://shop.example.com'], credentials: true }));

// The payment webhook needs the raw body, so it is mounted before the JSON parser.
app.use('/api/webhooks', webhooksRouter);
app.use(express.json({ limit: '200kb' }));

// Public on purpose: load balancer probe.
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});

app.use('/api/auth', authRouter);
app.use('/api/catalog', catalogRouter);

// Ops shortcut registered before the protected admin mount below, so requireAuth never runs for it.
app.post('/api/admin/cache/purge', async (_req, res) => { // $ api-guard/require-auth-guard
  await Product.updateMany({}, { $unset: { cachedRank: 1 } });
  res.status(202).json({ status: 'purging' });
});

app.use('/api/admin', requireAuth, requireRole('admin'), adminRouter);
app.use('/api/orders', requireAuth, ordersRouter);
app.use('/api/account', accountRouter);
app.use('/api/reviews', reviewsRouter);

app.use(notFoundHandler);
app.use(errorHandler);
