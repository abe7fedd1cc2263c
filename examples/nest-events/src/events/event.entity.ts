import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  organizerId!: string;

  @Column()
  title!: string;

  @Column({ type: 'text', nullable: true })
  description?: string;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column()
  venueName!: string;

  @Column()
  venuePostcode!: string;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ type: 'int', default: 0 })
  ticketsSold!: number;

  @Column({ type: 'int' })
  priceCents!: number;

  @Column({ default: 'draft' })
  status!: 'draft' | 'published' | 'cancelled';

  @Column({ type: 'numeric', default: 0.05 })
  platformFeeRate!: number;

  @CreateDateColumn()
  createdAt!: Date;
}
