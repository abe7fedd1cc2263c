import { Router } from 'express';
import pick from 'lodash/pick.js';
import { HttpError, notFound } from '../lib/http-error.js';
import { Product } from '../models/product.js';
import { User } from '../models/user.js';
import { importProductImage } from '../services/image-import.service.js';
import { fetchSupplierFeed } from '../services/supplier-feed.service.js';
import { productSchema } from '../validation/schemas.js';

/** Store administration; app.ts mounts it behind `requireAuth, requireRole('admin')`. */
export const adminRouter = Router();

const EDITABLE_PRODUCT_FIELDS = ['title', 'description', 'priceCents', 'stock', 'tags', 'published'];

adminRouter.post('/products', async (req, res, next) => {
  try {
    const input = productSchema.parse(req.body);
    res.status(201).json(await Product.create(input)); // safe: parsed by productSchema
  } catch (err) {
    next(err);
  }
});

adminRouter.put('/products/:id', async (req, res, next) => {
  try {
    const changes = pick(req.body, EDITABLE_PRODUCT_FIELDS);
    const product = await Product.findByIdAndUpdate(req.params.id, changes, { new: true, runValidators: true }); // safe: allowlisted fields
    if (!product) throw notFound('Product');
    res.json(product);
  } catch (err) {
    next(err);
  }
});

adminRouter.post('/products/:id/images', async (req, res, next) => {
  try {
    const key = await importProductImage(req.params.id, req.body.imageUrl);
    res.status(201).json({ key });
  } catch (err) {
    next(err);
  }
});

adminRouter.post('/supplier-feeds/import', async (req, res, next) => {
  try {
    const items = await fetchSupplierFeed(String(req.body.feedUrl));
    const result = await Product.bulkWrite(
      items.map((item) => ({
        updateOne: { filter: { sku: item.sku }, update: { $set: { title: item.title, priceCents: item.priceCents } }, upsert: true },
      })),
    );
    res.json({ upserted: result.upsertedCount, modified: result.modifiedCount });
  } catch (err) {
    if (err instanceof HttpError) {
      next(err);
      return;
    }
    res.status(502).json({ error: 'Supplier feed import failed', detail: (err as Error).stack }); // $ api-guard/no-verbose-errors
  }
});

adminRouter.patch('/users/:id/role', async (req, res, next) => {
  try {
    const role = req.body.role;
    if (role !== 'customer' && role !== 'staff' && role !== 'admin') throw new HttpError(400, 'Unknown role');
    const user = await User.findByIdAndUpdate(req.params.id, { role }, { new: true }); // safe: one checked field
    if (!user) throw notFound('User');
    res.json({ id: user.id, role: user.role });
  } catch (err) {
    next(err);
  }
});
