/** Injection token of the `@temporalio/client` `Client`: `@Inject(TEMPORAL_CLIENT) client: Client`. */
export const TEMPORAL_CLIENT = Symbol('DubanTemporalClient');

/** Injection token of the underlying gRPC `Connection` (owned and closed by the module). */
export const TEMPORAL_CONNECTION = Symbol('DubanTemporalConnection');

/** Injection token of the options given to `TemporalClientModule.forRoot`. */
export const TEMPORAL_CLIENT_OPTIONS = Symbol('DubanTemporalClientOptions');
