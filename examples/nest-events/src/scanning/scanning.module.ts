import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Ticket } from '../tickets/ticket.entity';
import { DoorScanController } from './door-scan.controller';
import { ScannerKeyGuard } from './scanner-key.guard';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket])],
  controllers: [DoorScanController],
  providers: [ScannerKeyGuard],
})
export class ScanningModule {}
