/** Domain errors whose messages are written for the ticket buyer. */
export class SoldOutError extends Error {
  constructor(readonly eventTitle: string) {
    super(`${eventTitle} is sold out`);
    this.name = 'SoldOutError';
  }
}

export class PaymentDeclinedError extends Error {
  constructor(readonly reason: 'card_declined' | 'insufficient_funds' | 'expired_card') {
    super('Your payment was declined');
    this.name = 'PaymentDeclinedError';
  }
}
