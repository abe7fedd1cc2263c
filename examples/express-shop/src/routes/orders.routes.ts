import { Router } from 'express';
import { HttpError, notFound } from '../lib/http-error.js';
import { logger } from '../lib/logger.js';
import { Order } from '../models/order.js';
import { Product } from '../models/product.js';
import { sendOrderConfirmation } from '../services/mailer.js';
import { createPaymentIntent } from '../services/payments.service.js';
import { orderSchema } from '../validation/schemas.js';

/** Mounted behind `requireAuth` in app.ts. */
export const ordersRouter = Router();

ordersRouter.get('/', async (req, res, next) => {
  try {
    res.json(await Order.find({ customer: req.user!.id }).sort({ createdAt: -1 }).limit(50).lean());
  } catch (err) {
    next(err);
  }
});

ordersRouter.post('/', async (req, res, next) => {
  const parsed = orderSchema.safeParse(req.body);
  if (!parsed.success) {
    res.status(400).json({ error: 'Invalid order', issues: parsed.error.issues }); // safe: zod issues
    return;
  }
  try {
    const input = parsed.data;
    const products = await Product.find({ _id: { $in: input.lines.map((line) => line.productId) }, published: true });
    const lines = input.lines.map((line) => {
      const product = products.find((p) => p.id === line.productId);
      if (!product) throw new HttpError(422, `Product ${line.productId} is not available`);
      return { product: product._id, quantity: line.quantity, unitPriceCents: product.priceCents };
    });
    const totalCents = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0);
    const order = await Order.create({ // safe: every field is computed or taken from the parsed input
      customer: req.user!.id,
      lines,
      totalCents,
      shippingAddress: input.shippingAddressId,
      note: input.note,
    });
    const intent = await createPaymentIntent(order.id, totalCents, 'EUR');
    await Order.updateOne({ _id: order._id }, { paymentIntentId: intent.id });
    void sendOrderConfirmation(String(req.headers['x-customer-email'] ?? ''), order.id);
    res.status(201).json({ order, clientSecret: intent.clientSecret });
  } catch (err) {
    next(err);
  }
});

// Lets customers change the delivery note or address before shipping.
ordersRouter.patch('/:id', async (req, res, next) => {
  try {
    const order = await Order.findByIdAndUpdate(req.params.id, req.body, { new: true }); // $ api-guard/no-mass-assignment, api-guard/require-ownership-check
    if (!order) throw notFound('Order');
    res.json(order);
  } catch (err) {
    next(err);
  }
});

ordersRouter.post('/:id/cancel', async (req, res) => {
  try {
    const order = await Order.findOne({ _id: req.params.id, customer: req.user!.id });
    if (!order) {
      res.status(404).json({ error: 'Order not found' });
      return;
    }
    order.set('status', 'cancelled'); // safe: constant value
    await order.save();
    res.json({ status: order.status });
  } catch (err) {
    logger.error({ err }, 'cancel failed');
    res.status(500).json({ error: (err as Error).message }); // $ api-guard/no-verbose-errors
  }
});

// B2B customers test their order-status callback before saving it.
ordersRouter.post('/:id/callback-test', async (req, res) => {
  try {
    const response = await fetch(req.body.callbackUrl, { // $ api-guard/no-ssrf
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orderId: req.params.id, status: 'test' }),
    });
    res.json({ delivered: response.ok, status: response.status });
  } catch (err) {
    logger.warn({ err }, 'callback test failed');
    res.status(502).json({ delivered: false, error: 'Callback could not be reached' }); // safe: generic message
  }
});
