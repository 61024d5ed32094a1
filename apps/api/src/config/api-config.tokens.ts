/** `() => Date`: the clock the API admits reports with. */
export const CLOCK = Symbol('DubanClock');

/** `HazardPolicy[]`: the policies offices may choose; the first is the default. */
export const HAZARD_POLICIES = Symbol('DubanHazardPolicies');

/** `number`: how long (ms) a new hazard or campaign waits for its ledger registration before a 202. */
export const REGISTRATION_TIMEOUT_MS = Symbol('DubanRegistrationTimeoutMs');

/** `string`: the task queue the API starts workflows on (the workers' DUBAN_TASK_QUEUE). */
export const TASK_QUEUE = Symbol('DubanTaskQueue');

/** `ResolvedAuthConfig`: session lifetimes, demo tokens, password hashing cost, login throttle (auth-config.ts). */
export const AUTH_CONFIG = Symbol('DubanAuthConfig');

/** `string`: the absolute data directory (evidence files under `<dataDir>/evidence`). */
export const DATA_DIR = Symbol('DubanDataDir');

/** `string | undefined`: the office's Ed25519 private key (PKCS#8 PEM) that signs exported audit bundles; undefined: unsigned. */
export const AUDIT_SIGNING_KEY = Symbol('DubanAuditSigningKey');
