/** Injection token of the HS256 secret the bearer guard verifies with. */
export const AUTH_SECRET = Symbol('DubanAuthSecret');
