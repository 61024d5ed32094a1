import { REJECTION_CODES, type RejectionCode, type RejectionCodeOf } from './rejection-codes';

/**
 * A command the domain refuses. `kind` maps onto HTTP: invalid → 400, forbidden → 403,
 * conflict (not allowed in the current state) → 409, unprocessable (well-formed, but the records
 * it relies on — the registry's — cannot serve it) → 422. `code` is the stable machine code
 * (rejection-codes.ts) a client translates; `field` names the offending input.
 */
export type RejectionKind = 'invalid' | 'forbidden' | 'conflict' | 'unprocessable';

export class DomainRejection extends Error {
  /** Always the code's own kind (rejection-codes.ts), so the two cannot disagree. */
  readonly kind: RejectionKind;

  constructor(
    readonly code: RejectionCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainRejection';
    this.kind = REJECTION_CODES[code].kind;
  }
}

export const invalid = (code: RejectionCodeOf<'invalid'>, field: string, message: string, details?: Record<string, unknown>) =>
  new DomainRejection(code, message, field, details);
export const forbidden = (code: RejectionCodeOf<'forbidden'>, message: string) => new DomainRejection(code, message);
export const conflict = (code: RejectionCodeOf<'conflict'>, message: string) => new DomainRejection(code, message);
export const unprocessable = (code: RejectionCodeOf<'unprocessable'>, field: string, message: string) => new DomainRejection(code, message, field);
