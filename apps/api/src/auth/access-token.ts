import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type Actor, type Role } from '@duban/domain';

/**
 * What a Duban bearer token carries (HS256). `unitId` is required for role `unit`. A token a
 * login issued names its session (`sid`) and the account's scope (`regionId`, `industryId`,
 * `personId`); a demo token (`npm run token`, tests) has no `sid`.
 */
export interface AccessTokenClaims {
  sub: string;
  name: string;
  role: Role;
  unitId?: string;
  personId?: string;
  regionId?: string;
  industryId?: string;
  sid?: string;
}

/** The optional claims and the actor fields they carry. */
const OPTIONAL_CLAIMS = [
  ['unitId', 'unitId'],
  ['personId', 'personId'],
  ['regionId', 'regionId'],
  ['industryId', 'industryId'],
  ['sid', 'sessionId'],
] as const satisfies ReadonlyArray<readonly [keyof AccessTokenClaims, keyof Actor]>;

/** Thrown when a verified token's claims do not describe a Duban actor; the message says why. */
export class InvalidAccessTokenClaims extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAccessTokenClaims';
  }
}

export const ACCESS_TOKEN_ALGORITHM = 'HS256';

/** A lifetime as jsonwebtoken reads it: seconds, or a string such as `'8h'`, `'7d'`. */
export type AccessTokenLifetime = number | `${number}${'s' | 'm' | 'h' | 'd' | 'w' | 'y'}`;

/** Issues a bearer token for `actor` (scripts, tests, and any login in front of Duban). */
export function signAccessToken(actor: Actor, secret: string, expiresIn: AccessTokenLifetime = '8h'): string {
  const claims = claimsOf(actor);
  return tokensOf(secret).sign({ ...claims }, { algorithm: ACCESS_TOKEN_ALGORITHM, expiresIn });
}

const tokenServices = new Map<string, JwtService>();

/**
 * The JwtService that signs and verifies with `secret` as an HS256 key object, made once per
 * secret (there is one per deployment). Handed the string itself, jsonwebtoken first tries it as a
 * PEM key at every call, a parse that throws: about 1 ms a verify, and a request verifies twice
 * (its rate-limit budget, then the bearer guard).
 */
function tokensOf(secret: string): JwtService {
  let tokens = tokenServices.get(secret);
  if (!tokens) {
    const key = createSecretKey(Buffer.from(secret, 'utf8'));
    tokenServices.set(secret, (tokens = new JwtService({ secretOrKeyProvider: () => key })));
  }
  return tokens;
}

function claimsOf(actor: Actor): AccessTokenClaims {
  if (actor.role === 'system') throw new InvalidAccessTokenClaims('no token is issued for the system actor');
  const claims: AccessTokenClaims = { sub: actor.id, name: actor.name, role: actor.role };
  for (const [claim, field] of OPTIONAL_CLAIMS) if (actor[field] !== undefined) claims[claim] = actor[field];
  actorFromClaims(claims); // the same checks the API applies
  return claims;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The actor a verified token speaks for; throws `InvalidAccessTokenClaims` naming the bad claim. */
export function actorFromClaims(payload: unknown): Actor {
  const claims = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  if (!nonEmpty(claims.sub)) throw new InvalidAccessTokenClaims('access token has no subject (sub)');
  if (!nonEmpty(claims.name)) throw new InvalidAccessTokenClaims('access token has no name');
  if (!(ROLES as readonly unknown[]).includes(claims.role)) {
    throw new InvalidAccessTokenClaims(`access token role must be one of ${ROLES.join(', ')}`);
  }
  const role = claims.role as Role;
  for (const [claim] of OPTIONAL_CLAIMS) {
    if (claims[claim] !== undefined && !nonEmpty(claims[claim]))
      throw new InvalidAccessTokenClaims(`access token ${claim} must be a non-empty string`);
  }
  if (role === 'unit' && claims.unitId === undefined) {
    throw new InvalidAccessTokenClaims('a unit token (责任单位) must name its unitId');
  }
  const actor: Actor = { id: claims.sub, name: claims.name, role };
  for (const [claim, field] of OPTIONAL_CLAIMS) if (claims[claim] !== undefined) actor[field] = claims[claim] as string;
  return actor;
}

/** Verifies signature, algorithm and expiry, then reads the actor (throws on any failure). */
export function verifyAccessToken(token: string, secret: string): Actor {
  return actorFromClaims(tokensOf(secret).verify(token, { algorithms: [ACCESS_TOKEN_ALGORITHM] }));
}
