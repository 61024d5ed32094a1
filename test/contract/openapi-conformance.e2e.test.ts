import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { ensureSchemathesis, runSchemathesis } from './schemathesis';

const SECRET = 'contract-secret';
const ROLES: Actor[] = [
  { id: 'office-1', name: '安委办 李主任', role: 'office' },
];

let api: ApiHarness;
let st: string;
beforeAll(async () => {
  st = ensureSchemathesis(console.log);
  api = await startApiHarness(SECRET);
});
afterAll(async () => api?.close());

describe('the OpenAPI document says what the API enforces (schemathesis)', () => {
  for (const actor of ROLES) {
    it(`as ${actor.role}`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), `duban-st-${actor.role}-`));
      const run = await runSchemathesis(st, [`${api.baseUrl}/docs-json`, '-H', `Authorization: Bearer ${signAccessToken(actor, SECRET)}`, '--max-examples', process.env.ST_N ?? '20', '--workers', '1', '--seed', '1'], dir);
      writeFileSync('/tmp/st-out.txt', run.output);
      console.log(JSON.stringify(run.report, null, 1));
      expect(run.report.failures).toEqual([]);
    }, 600_000);
  }
});
