/**
 * A command the domain refuses. `kind` maps onto HTTP: invalid → 400, forbidden → 403,
 * conflict (not allowed in the current state) → 409. `field` names the offending input.
 */
export type RejectionKind = 'invalid' | 'forbidden' | 'conflict';

export class DomainRejection extends Error {
  constructor(
    readonly kind: RejectionKind,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainRejection';
  }
}

export const invalid = (field: string, message: string, details?: Record<string, unknown>) =>
  new DomainRejection('invalid', message, field, details);
export const forbidden = (message: string) => new DomainRejection('forbidden', message);
export const conflict = (message: string) => new DomainRejection('conflict', message);
