import { Schema, model } from 'mongoose';

const reviewSchema = new Schema(
  {
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true, index: true },
    author: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    rating: { type: Number, min: 1, max: 5, required: true },
    body: { type: String, maxlength: 4000 },
    approved: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export const Review = model('Review', reviewSchema);
