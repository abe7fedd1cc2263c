import { IsIBAN } from 'class-validator';

export class PayoutDto {
  @IsIBAN()
  iban!: string;
}
