export { Address } from './address.js';
export { Order } from './order.js';
export { Product } from './product.js';
export { Review } from './review.js';
export { User } from './user.js';
