import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('organizers')
export class Organizer {
  /** Same id as the organizer's user account. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column()
  companyName!: string;

  @Column({ nullable: true })
  website?: string;

  @Column({ nullable: true })
  webhookUrl?: string;

  @Column({ default: false })
  verified!: boolean;

  @Column({ type: 'numeric', default: 0.05 })
  feeRate!: number;

  @Column({ nullable: true })
  payoutIban?: string;
}
