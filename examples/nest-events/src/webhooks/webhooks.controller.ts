import { BadRequestException, Controller, Headers, HttpCode, Post, RawBodyRequest, Req, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac, createVerify, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { Ticket } from '../tickets/ticket.entity';
import { PARTNER_SIGNING_PUBLIC_KEY } from './partner-signing-key';

interface PaymentEvent {
  type: 'charge.refunded' | 'charge.succeeded';
  chargeId: string;
}

@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly config: ConfigService,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
  ) {}

  // Public on purpose: the payment provider calls it; the HMAC signature is checked first.
  @Public()
  @Post('payments')
  @HttpCode(200)
  async payments(@Req() req: RawBodyRequest<Request>, @Headers('x-signature') signature: string | undefined): Promise<{ ok: true }> {
    const raw = req.rawBody ?? Buffer.alloc(0);
    const expected = createHmac('sha256', this.config.getOrThrow<string>('PAYMENTS_WEBHOOK_SECRET')).update(raw).digest();
    const given = Buffer.from(signature ?? '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthorizedException('Bad signature');
    const event = JSON.parse(raw.toString('utf8')) as PaymentEvent;
    if (event.type === 'charge.refunded') {
      await this.tickets.update({ paymentId: event.chargeId }, { state: 'refunded' }); // safe: constant state
    }
    return { ok: true };
  }

  // Public on purpose: resale partner callbacks, signed with the partner's key.
  @Public()
  @Post('resale')
  @HttpCode(200)
  async resale(@Req() req: RawBodyRequest<Request>, @Headers('x-partner-signature') signature: string | undefined): Promise<{ ok: true }> {
    const raw = req.rawBody ?? Buffer.alloc(0);
    const verifier = createVerify('sha256').update(raw);
    if (!signature || !verifier.verify(PARTNER_SIGNING_PUBLIC_KEY, signature, 'base64')) throw new UnauthorizedException('Bad signature');
    const { code } = JSON.parse(raw.toString('utf8')) as { code?: string };
    if (!code) throw new BadRequestException('code is required');
    await this.tickets.update({ code }, { state: 'transferred' });
    return { ok: true };
  }
}
