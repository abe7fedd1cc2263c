import { IsEmail, IsInt, IsString, Length, Max, Min } from 'class-validator';

export class PurchaseTicketDto {
  @IsString()
  @Length(1, 120)
  holderName!: string;

  @IsEmail()
  holderEmail!: string;

  @IsInt()
  @Min(1)
  @Max(10)
  quantity!: number;

  @IsString()
  paymentMethodId!: string;
}
