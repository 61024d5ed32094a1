import { RegistryModule } from '../registry/registry.module';
import { registryOverrides, seededRegistry, type InMemoryRegistry } from './in-memory-registry';
import { startTestApp, type TestApp } from './start-test-app';

export const REGISTRY_SECRET = 'registry-spec-secret';
export const T0 = new Date('2026-03-02T01:00:00.000Z');

/** The registry API over a seeded in-memory registry; `clock` is the API's clock, moved by `advance`. */
export async function startRegistryApp(): Promise<{ api: TestApp; registry: InMemoryRegistry; advance(hours: number): Date }> {
  const clock = new Date(T0);
  const registry = await seededRegistry(new Date(T0));
  const api = await startTestApp({
    secret: REGISTRY_SECRET,
    now: clock,
    client: {},
    imports: [RegistryModule],
    overrides: registryOverrides(registry),
  });
  return {
    api,
    registry,
    // The app reads the clock each time (startTestApp's `now: () => now`): moving the same Date moves it.
    advance: (hours) => {
      clock.setTime(clock.getTime() + hours * 3600_000);
      return new Date(clock);
    },
  };
}
