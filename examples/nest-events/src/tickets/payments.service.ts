import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { firstValueFrom } from 'rxjs';
import { PaymentDeclinedError } from '../common/errors';

const PAYMENTS_API_KEY = 'sk_live_z20uwp5pIpQ5auA1BuJ3Ixey'; // $ api-guard/no-hardcoded-secrets

@Injectable()
export class PaymentsService {
  constructor(
    private readonly http: HttpService,
    private readonly config: ConfigService,
  ) {}

  async charge(amountCents: number, paymentMethodId: string, reference: string): Promise<string> {
    const base = this.config.getOrThrow<string>('PAYMENTS_BASE_URL');
    const { data } = await firstValueFrom(
      this.http.post<{ id: string; status: string; decline_code?: string }>( // safe: origin from configuration
        `${base}/charges`,
        { amount: amountCents, currency: 'eur', payment_method: paymentMethodId, reference },
        { headers: { Authorization: `Bearer ${PAYMENTS_API_KEY}` } },
      ),
    );
    if (data.status === 'declined') throw new PaymentDeclinedError('card_declined');
    return data.id;
  }

  async refund(paymentId: string): Promise<void> {
    const base = this.config.getOrThrow<string>('PAYMENTS_BASE_URL');
    await firstValueFrom(
      this.http.post(`${base}/refunds`, { charge: paymentId }, { headers: { Authorization: `Bearer ${PAYMENTS_API_KEY}` } }), // safe: origin from configuration
    );
  }
}
