import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { office } from '../testing/actors';
import { apiControllers } from '../testing/module-controllers';
import { CALLERS, type Caller } from '../testing/matrix/matrix-callers';
import { expectation } from '../testing/matrix/matrix-expectations';
import { startMatrixWorld, type MatrixWorld } from '../testing/matrix/matrix-world';
import { RECIPES, type MatrixContext } from '../testing/matrix/route-recipes';
import { appRoutes, type AppRoute } from '../testing/matrix/route-table';

// The authorization matrix: every route the API serves × every kind of caller — each role, and
// each scoped one inside and outside the objects' territory (属地) and industry (行业) — each
// call answered allowed or refused exactly as the domain's rules say (@Permit(table, action) on
// the route, libs/domain/src/permissions.ts and libs/domain/src/scope), with the refusal's code.
// Built from the running app's route table, so a new route without an expectation fails here.
// An escape is a call the rules refuse that the API let through: any answer but 401/403, any
// call reaching Temporal, or a refusal for another scope than the one lacking.

let world: MatrixWorld;
let routes: AppRoute[];
let unknown: string[];
let n = 0;
const context = (caller: Caller): MatrixContext => ({
  campaignId: world.campaignId,
  hazardIds: world.hazardIds,
  caller: caller.actor ?? office,
  fresh: () => ++n,
});

beforeAll(async () => {
  world = await startMatrixWorld();
  ({ routes, unknown } = appRoutes(world.api.app));
});

afterAll(async () => {
  await world?.api.close();
});

describe('the authorization matrix covers every route', () => {
  it('mounts every controller of the real ApiModule, and nothing answers outside them but /docs', () => {
    const real = apiControllers();
    const mounted = new Set(
      [...world.api.app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()].map((w) => w.metatype as Type)),
    );
    expect([...real].filter((c) => !mounted.has(c)).map((c) => c.name)).toEqual([]);
    expect(real.size).toBeGreaterThanOrEqual(6);
    expect(unknown).toEqual([]);
  });

  it('has an expectation and a recipe for every route, and a recipe only for routes that exist', () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    expect(routes.filter((r) => !r.isPublic && !r.permission).map((r) => r.key)).toEqual([]);
    expect(routes.filter((r) => !RECIPES[r.key]).map((r) => r.key)).toEqual([]);
    expect(Object.keys(RECIPES).filter((key) => !routes.some((r) => r.key === key))).toEqual([]);
  });

  it('calls another unit’s object exactly on the routes that act on one unit’s object', () => {
    const ctx = { ...context(CALLERS.find((c) => c.name === 'unit on its own unit')!), fresh: () => 0 };
    const differs = (r: AppRoute) => JSON.stringify(RECIPES[r.key]!(ctx, 'own')) !== JSON.stringify(RECIPES[r.key]!(ctx, 'other'));
    expect(routes.filter((r) => Boolean(r.unitObject) !== differs(r)).map((r) => `${r.key} (${r.unitObject ?? 'no unit object'})`)).toEqual([]);
  });
});

describe('every route × every caller', () => {
  // Hundreds of HTTP calls one after another: minutes on a loaded 2-core machine, not the default 5 s.
  it('is allowed or refused exactly as the domain’s rules say, each refusal with the scope it lacks: 0 escapes', async () => {
    const escapes: string[] = [];
    const wronglyRefused: string[] = [];
    const serverErrors: string[] = [];
    const refusedFor: Record<string, number> = {};
    let calls = 0;
    for (const route of routes) {
      for (const caller of CALLERS) {
        const call = RECIPES[route.key]!(context(caller), caller.target);
        const expected = expectation(route, caller, call, world.places);
        const before = world.temporalCalls();
        const res = await world.api.call(route.method, call.path, caller.actor, call.body);
        const reachedTemporal = world.temporalCalls() > before;
        const where = `${route.key} as ${caller.name}: ${res.status} ${res.body?.code ?? ''}`;
        calls++;
        if (!expected.allowed) {
          const wrongCode = expected.code !== undefined && res.body?.code !== expected.code;
          if (res.status !== expected.status || reachedTemporal || wrongCode)
            escapes.push(
              `${where}${reachedTemporal ? ' (reached Temporal)' : ''}, expected ${expected.status} ${expected.code ?? ''}: ${expected.why}`,
            );
          refusedFor[expected.code ?? String(expected.status)] = (refusedFor[expected.code ?? String(expected.status)] ?? 0) + 1;
        } else if (res.status === 401 || res.status === 403) {
          wronglyRefused.push(`${where} ${JSON.stringify(res.body)}`);
        } else if (res.status >= 500) {
          serverErrors.push(`${where} ${JSON.stringify(res.body)}`);
        }
      }
    }
    console.log(
      `authorization matrix: ${routes.length} routes × ${CALLERS.length} callers = ${calls} calls, ${escapes.length} escapes; refused: ${JSON.stringify(refusedFor)}`,
    );
    // Every scope's refusal is exercised, not only the roles'.
    for (const code of ['permission.role_not_allowed', 'permission.own_unit_only', 'permission.outside_territory', 'permission.outside_industry'])
      expect(refusedFor[code], code).toBeGreaterThan(0);
    expect(calls).toBe(routes.length * CALLERS.length);
    expect(escapes).toEqual([]);
    expect(wronglyRefused).toEqual([]);
    expect(serverErrors).toEqual([]);
  }, 900_000);
});
