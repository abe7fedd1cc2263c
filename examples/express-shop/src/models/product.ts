import { Schema, model } from 'mongoose';

const productSchema = new Schema(
  {
    sku: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    description: String,
    priceCents: { type: Number, required: true, min: 0 },
    currency: { type: String, default: 'EUR' },
    stock: { type: Number, default: 0 },
    images: [String],
    published: { type: Boolean, default: false },
    tags: [String],
  },
  { timestamps: true },
);

productSchema.index({ title: 'text', description: 'text' });

export const Product = model('Product', productSchema);
