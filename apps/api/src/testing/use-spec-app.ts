import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { TestApp } from './start-test-app';

/** A spec file's app: started once before its tests, closed after them, its fakes reset before each test. */
export interface SpecApp {
  /** The running app (only inside tests and hooks). */
  readonly api: TestApp;
  call: TestApp['call'];
}

/** Registers the file's lifecycle hooks; one place for what every API spec file repeated. */
export function useSpecApp(start: () => Promise<TestApp>, reset: () => void): SpecApp {
  let api: TestApp | undefined;
  beforeAll(async () => {
    api = await start();
  });
  afterAll(async () => {
    await api?.close();
  });
  beforeEach(reset);
  const running = (): TestApp => {
    if (!api) throw new Error('the spec app is used outside a test (it starts in beforeAll)');
    return api;
  };
  return {
    get api() {
      return running();
    },
    call: (method, path, actor, body) => running().call(method, path, actor, body),
  };
}
