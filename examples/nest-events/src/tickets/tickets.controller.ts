import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  Logger,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { IsEmail } from 'class-validator';
import { CurrentUser } from '../auth/current-user.decorator';
import type { JwtUser } from '../auth/jwt.strategy';
import { PaymentDeclinedError, SoldOutError } from '../common/errors';
import { PurchaseTicketDto } from './dto/purchase-ticket.dto';
import { Ticket } from './ticket.entity';
import { TicketsService } from './tickets.service';

class TransferTicketDto {
  @IsEmail()
  email!: string;
}

@Controller()
export class TicketsController {
  private readonly logger = new Logger(TicketsController.name);

  constructor(private readonly tickets: TicketsService) {}

  @Post('events/:eventId/tickets')
  async purchase(@CurrentUser() user: JwtUser, @Param('eventId', ParseUUIDPipe) eventId: string, @Body() dto: PurchaseTicketDto): Promise<Ticket[]> {
    try {
      return await this.tickets.purchase(user.userId, eventId, dto);
    } catch (err) {
      if (err instanceof SoldOutError) throw new BadRequestException(err.message); // safe: message of our own client-facing error
      if (err instanceof PaymentDeclinedError) throw new HttpException(err.message, HttpStatus.PAYMENT_REQUIRED); // safe: fixed text of our own error
      this.logger.error('ticket purchase failed', err instanceof Error ? err.stack : String(err));
      throw new InternalServerErrorException(`Purchase failed: ${(err as Error).message}`); // $ api-guard/no-verbose-errors
    }
  }

  @Get('tickets/mine')
  mine(@CurrentUser() user: JwtUser): Promise<Ticket[]> {
    return this.tickets.listMine(user.userId);
  }

  @Post('tickets/:id/transfer')
  @HttpCode(200)
  transfer(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransferTicketDto): Promise<Ticket> {
    return this.tickets.transfer(user.userId, id, dto.email);
  }

  @Post('tickets/:id/refund')
  @HttpCode(200)
  async refund(@CurrentUser() user: JwtUser, @Param('id', ParseUUIDPipe) id: string): Promise<{ ok: boolean; error?: string }> {
    try {
      await this.tickets.refund(user.userId, id);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: (e as Error).message }; // $ api-guard/no-verbose-errors
    }
  }
}
