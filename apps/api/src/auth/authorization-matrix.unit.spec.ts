import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamicModule, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { Actor } from '@duban/domain';
import { ApiModule } from '../api.module';
import { resolveApiConfig } from '../config/api-config';
import { auditor, inspector, office, unitA } from '../testing/actors';
import { startMatrixWorld, type MatrixWorld } from '../testing/matrix/matrix-world';
import { RECIPES, type MatrixContext, type Target } from '../testing/matrix/route-recipes';
import { appRoutes, type AppRoute } from '../testing/matrix/route-table';

// The authorization matrix: every route the API serves × every kind of caller, each call
// answered allowed or refused exactly as the domain's permission tables say (@Permit(table,
// action) on the route, libs/domain/src/permissions.ts). Built from the running app's route
// table, so a new route without an expectation fails here. An escape is a call the tables
// refuse that the API let through: any answer but 401/403, or any call reaching Temporal.

interface Caller {
  name: string;
  actor?: Actor;
  target: Target;
}

const CALLERS: Caller[] = [
  { name: 'no token', target: 'own' },
  { name: 'auditor', actor: auditor, target: 'own' },
  { name: 'inspector', actor: inspector, target: 'own' },
  { name: 'unit on another unit’s object', actor: unitA, target: 'other' },
  { name: 'unit on its own unit', actor: unitA, target: 'own' },
  // Last: the office's changes (closing the campaign, removing a unit) then come after the others' calls.
  { name: 'office', actor: office, target: 'own' },
];

type Expectation = { allowed: true } | { allowed: false; status: 401 | 403; why: string };

/** What the tables say of `caller` on `route`; throws when the route has no expectation at all. */
function expectation(route: AppRoute, caller: Caller): Expectation {
  if (route.isPublic) return { allowed: true };
  if (!caller.actor) return { allowed: false, status: 401, why: 'no bearer token' };
  if (!route.permission) throw new Error(`${route.key} (${route.handler}) is neither @Public nor @Permit(table, action): no expectation`);
  const { table, action } = route.permission;
  if (!table.rules[action].roles.includes(caller.actor.role)) return { allowed: false, status: 403, why: `${caller.actor.role} may not ${action}` };
  if (caller.actor.role === 'unit' && caller.target === 'other' && table.rules[action].ownUnitOnly && route.unitObject) {
    return { allowed: false, status: 403, why: `${action} is for a unit's own objects only, and this is ${route.unitObject} of another unit` };
  }
  return { allowed: true };
}

/** Every controller a module mounts, through its imports, as Nest would find them. */
function controllersOf(root: DynamicModule | Type): Set<Type> {
  const found = new Set<Type>();
  const seen = new Set<unknown>();
  const visit = (entry: unknown) => {
    if (!entry || seen.has(entry)) return;
    seen.add(entry);
    const dynamic = typeof entry === 'object' && 'module' in entry ? (entry as DynamicModule) : undefined;
    const cls = (dynamic?.module ?? entry) as Type;
    for (const controller of [...(Reflect.getMetadata('controllers', cls) ?? []), ...(dynamic?.controllers ?? [])]) found.add(controller);
    for (const imported of [...(Reflect.getMetadata('imports', cls) ?? []), ...(dynamic?.imports ?? [])]) visit(imported);
  };
  visit(root);
  return found;
}

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
    const real = controllersOf(
      ApiModule.forRoot(
        resolveApiConfig({ databaseUrl: 'postgres://unused', temporal: { address: 'unused:7233', namespace: 'default' }, authSecret: 's' }),
      ),
    );
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
    const ctx = { ...context(CALLERS[4]!), fresh: () => 0 };
    const differs = (r: AppRoute) => JSON.stringify(RECIPES[r.key]!(ctx, 'own')) !== JSON.stringify(RECIPES[r.key]!(ctx, 'other'));
    expect(routes.filter((r) => Boolean(r.unitObject) !== differs(r)).map((r) => `${r.key} (${r.unitObject ?? 'no unit object'})`)).toEqual([]);
  });
});

describe('every route × every caller', () => {
  it('is allowed or refused exactly as the permission tables say: 0 escapes', async () => {
    const escapes: string[] = [];
    const wronglyRefused: string[] = [];
    const serverErrors: string[] = [];
    let calls = 0;
    for (const route of routes) {
      for (const caller of CALLERS) {
        const expected = expectation(route, caller);
        const { path, body } = RECIPES[route.key]!(context(caller), caller.target);
        const before = world.temporalCalls();
        const res = await world.api.call(route.method, path, caller.actor, body);
        const reachedTemporal = world.temporalCalls() > before;
        const where = `${route.key} as ${caller.name}: ${res.status}`;
        calls++;
        if (!expected.allowed) {
          if (res.status !== expected.status || reachedTemporal)
            escapes.push(`${where}${reachedTemporal ? ' (reached Temporal)' : ''}, expected ${expected.status}: ${expected.why}`);
        } else if (res.status === 401 || res.status === 403) {
          wronglyRefused.push(`${where} ${JSON.stringify(res.body)}`);
        } else if (res.status >= 500) {
          serverErrors.push(`${where} ${JSON.stringify(res.body)}`);
        }
      }
    }
    console.log(`authorization matrix: ${routes.length} routes × ${CALLERS.length} callers = ${calls} calls, ${escapes.length} escapes`);
    expect(calls).toBe(routes.length * CALLERS.length);
    expect(escapes).toEqual([]);
    expect(wronglyRefused).toEqual([]);
    expect(serverErrors).toEqual([]);
    // ~270 sequential HTTP calls: seconds of their own on a loaded 2-core machine, past the 5 s default.
  }, 60_000);
});
