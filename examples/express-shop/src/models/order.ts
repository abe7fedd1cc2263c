import { Schema, model } from 'mongoose';

const orderLineSchema = new Schema(
  {
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    quantity: { type: Number, required: true, min: 1 },
    unitPriceCents: { type: Number, required: true },
  },
  { _id: false },
);

const orderSchema = new Schema(
  {
    customer: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    lines: [orderLineSchema],
    totalCents: { type: Number, required: true },
    status: { type: String, enum: ['pending', 'paid', 'shipped', 'cancelled', 'refunded'], default: 'pending' },
    shippingAddress: { type: Schema.Types.ObjectId, ref: 'Address' },
    note: String,
    notifyUrl: String,
    paymentIntentId: String,
  },
  { timestamps: true },
);

export const Order = model('Order', orderSchema);
