import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { ResolvedAuthConfig } from '../../config/auth-config';
import { AUTH_CONFIG } from '../../config/api-config.tokens';

/** Passwords as argon2id hashes (@node-rs/argon2), at the configured cost (auth-config.ts). */
@Injectable()
export class PasswordHasher {
  private nobody?: Promise<string>;

  constructor(@Inject(AUTH_CONFIG) private readonly config: ResolvedAuthConfig) {}

  hash(password: string): Promise<string> {
    return hash(password, this.config.passwordHashing);
  }

  /** False for a wrong password and for a hash that cannot be read. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password).catch(() => false);
  }

  /**
   * Verifies against a hash no password matches, answering false: a login name without an
   * account then takes as long as a wrong password, so timing does not tell them apart.
   */
  async verifyNobody(password: string): Promise<false> {
    this.nobody ??= this.hash('no account has this password: it only costs time');
    await this.verify(await this.nobody, `${password}\u0000`);
    return false;
  }
}
