import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as bcrypt from 'bcrypt';
import { Repository } from 'typeorm';
import { User } from '../users/user.entity';
import { LoginDto } from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
  ) {}

  async register(dto: RegisterDto): Promise<{ id: string }> {
    if (await this.users.exist({ where: { email: dto.email } })) {
      throw new ConflictException('Email already registered'); // safe: fixed message
    }
    const passwordHash = await bcrypt.hash(dto.password, 12);
    const user = await this.users.save(this.users.create({ email: dto.email, displayName: dto.displayName, passwordHash })); // safe: explicit fields of a validated DTO
    return { id: user.id };
  }

  async login(dto: LoginDto): Promise<{ accessToken: string }> {
    const user = await this.users.findOne({ where: { email: dto.email }, select: ['id', 'passwordHash', 'role'] });
    if (!user || !(await bcrypt.compare(dto.password, user.passwordHash))) {
      throw new UnauthorizedException('Wrong email or password');
    }
    return { accessToken: await this.jwt.signAsync({ sub: user.id, role: user.role }) }; // safe: key configured in AuthModule
  }
}
