import { Router } from 'express';
import { notFound } from '../lib/http-error.js';
import { Product } from '../models/product.js';
import { Review } from '../models/review.js';
import { quoteShipping } from '../services/shipping.service.js';

/** The storefront catalogue: readable without an account (listed in api-guard.config.json `publicRoutes`). */
export const catalogRouter = Router();

catalogRouter.get('/products', async (req, res, next) => {
  try {
    const page = Math.max(1, Number(req.query.page) || 1);
    const filter = typeof req.query.q === 'string' && req.query.q ? { $text: { $search: req.query.q }, published: true } : { published: true };
    const products = await Product.find(filter).skip((page - 1) * 24).limit(24).lean();
    res.json({ page, products });
  } catch (err) {
    next(err);
  }
});

catalogRouter.get('/products/:id', async (req, res, next) => {
  try {
    const product = await Product.findOne({ _id: req.params.id, published: true }).lean();
    if (!product) throw notFound('Product');
    const reviews = await Review.find({ product: product._id, approved: true }).limit(20).lean();
    res.json({ ...product, reviews });
  } catch (err) {
    next(err);
  }
});

catalogRouter.get('/shipping-quote/:country/:postalCode', async (req, res, next) => {
  try {
    res.json(await quoteShipping(req.params.country, req.params.postalCode)); // safe: fixed carrier origin, encoded segments
  } catch (err) {
    next(err);
  }
});
