import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('tickets')
export class Ticket {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  eventId!: string;

  @Column()
  ownerId!: string;

  @Column()
  holderName!: string;

  @Column()
  holderEmail!: string;

  @Column({ unique: true })
  code!: string;

  @Column({ default: 'valid' })
  state!: 'valid' | 'scanned' | 'refunded' | 'transferred';

  @Column({ nullable: true })
  paymentId?: string;

  @CreateDateColumn()
  createdAt!: Date;
}
