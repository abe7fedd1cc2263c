import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('guest_list')
export class GuestListEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  eventId!: string;

  @Column()
  name!: string;

  @Column()
  email!: string;

  @Column({ default: false })
  comped!: boolean;

  @Column({ default: 'guest' })
  tier!: 'guest' | 'vip' | 'press';
}
