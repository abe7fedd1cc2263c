import { Router } from 'express';
import { forbidden, notFound } from '../lib/http-error.js';
import { requireAuth } from '../middleware/auth.js';
import { validateBody } from '../middleware/validate.js';
import { Review } from '../models/review.js';
import { reviewSchema } from '../validation/schemas.js';

/** Mounted without auth in app.ts: every route brings its own guard. */
export const reviewsRouter = Router();

reviewsRouter.post('/products/:productId', requireAuth, validateBody(reviewSchema), async (req, res, next) => {
  try {
    const review = await Review.create({ ...req.body, product: req.params.productId, author: req.user!.id }); // safe: body parsed by the strict reviewSchema
    res.status(201).json(review);
  } catch (err) {
    next(err);
  }
});

reviewsRouter.patch('/:id', validateBody(reviewSchema), async (req, res, next) => { // $ api-guard/require-auth-guard
  try {
    const { rating, body } = req.body as { rating: number; body?: string };
    const review = await Review.findByIdAndUpdate(req.params.id, { rating, body, approved: false }, { new: true });
    if (!review) throw notFound('Review');
    res.json(review);
  } catch (err) {
    next(err);
  }
});

reviewsRouter.delete('/:id', requireAuth, async (req, res, next) => {
  try {
    const review = await Review.findById(req.params.id);
    if (!review) throw notFound('Review');
    if (String(review.author) !== req.user!.id && req.user!.role === 'customer') throw forbidden();
    await review.deleteOne();
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});
