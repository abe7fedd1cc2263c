import { Schema, model } from 'mongoose';

const addressSchema = new Schema(
  {
    owner: { type: Schema.Types.ObjectId, ref: 'User', required: true, index: true },
    label: String,
    line1: { type: String, required: true },
    line2: String,
    city: { type: String, required: true },
    postalCode: { type: String, required: true },
    country: { type: String, required: true, minlength: 2, maxlength: 2 },
    isDefault: { type: Boolean, default: false },
  },
  { timestamps: true },
);

export const Address = model('Address', addressSchema);
