import type { PrismaClient } from '@prisma/client';
import { LibraryError } from '../errors.js';

const LOAN_DAYS = 21;

export class LoanService {
  constructor(private readonly prisma: PrismaClient) {}

  listForMember(memberId: string) {
    return this.prisma.loan.findMany({ where: { memberId, returnedAt: null }, include: { book: true } });
  }

  /** `request` comes straight from the route body (no schema there). */
  async checkout(memberId: string, request: Record<string, unknown>) {
    const active = await this.prisma.loan.count({ where: { memberId, returnedAt: null } });
    const member = await this.prisma.member.findUniqueOrThrow({ where: { id: memberId } });
    if (active >= member.maxLoans) throw new LibraryError(409, `You already have ${active} books on loan`);
    return this.prisma.loan.create({ // $ api-guard/no-mass-assignment
      data: { dueAt: new Date(Date.now() + LOAN_DAYS * 86_400_000), ...request, memberId } as never,
    });
  }

  async renew(memberId: string, loanId: string) {
    const loan = await this.prisma.loan.findFirst({ where: { id: loanId, memberId, returnedAt: null } });
    if (!loan) throw new LibraryError(404, 'Loan not found');
    if (loan.renewals >= 2) throw new LibraryError(409, 'This loan cannot be renewed again');
    return this.prisma.loan.update({
      where: { id: loanId },
      data: { renewals: { increment: 1 }, dueAt: new Date(loan.dueAt.getTime() + LOAN_DAYS * 86_400_000) }, // safe: server-computed fields
    });
  }

  async markReturned(loanId: string) {
    return this.prisma.loan.update({ where: { id: loanId }, data: { returnedAt: new Date() } });
  }
}
