import type { Actor, RegistryKind } from '@duban/domain';

/*
 * What every recipe file of the matrix shares (route-recipes.ts gathers them): the shape of a
 * recipe, the matrix's units and people, and the list-read recipe.
 */

/** Whose object a unit caller acts on: its own unit's, or another unit's. */
export type Target = 'own' | 'other';

export interface MatrixContext {
  campaignId: string;
  hazardIds: Record<Target, string>;
  caller: Actor;
  /** A number not used before, for ids that must be new. */
  fresh(): number;
}

/**
 * What a call touches beyond its route's role check, in the order the API checks it: the
 * campaign (read on the caller's line, or decided within its territory), one unit's object, a
 * list (bounded; the unit asked for refused outside the scope), a launch's roster, a registry
 * record written, a region's record. The matrix computes what the domain's rules say of each.
 */
export type ScopeCheck =
  | { campaign: 'read' | 'manage' }
  | { unit: string }
  | { list: string | undefined }
  | { roster: readonly string[] }
  | { registry: RegistryKind; id: string; record?: object }
  /** A region's own record (控制指标, 问责): within the caller's territory. */
  | { region: string }
  /** An evidence file, uploaded by these units: a unit reads only its own uploads. */
  | { evidenceUploadedBy: readonly string[] };

/** A valid call to one route (so that only the permission checks can refuse it). */
export interface Call {
  path: string;
  body?: unknown;
  checks?: ScopeCheck[];
}

/** How to call a route; `target` matters only for routes that act on one unit's object. */
export type Recipe = (ctx: MatrixContext, target: Target) => Call;

/** The matrix's two units: the caller's own (unit-a) and another (unit-b), and a person of each. */
export const UNIT: Record<Target, string> = { own: 'unit-a', other: 'unit-b' };
export const PERSON: Record<Target, string> = { own: 'person-a', other: 'person-b' };
export const reason = { reason: '权限矩阵测试' };

/** Whether territory or industry bind the caller: it then asks for the objects' unit by name, so that outside it is refused. */
export const scopedCaller = (actor: Actor) => actor.regionId !== undefined || actor.industryId !== undefined;
/** A list read: another unit's rows (or, for a scoped caller, the objects' unit's) are asked for by `?unitId=`; `of` says what bounds it. */
export const filtered =
  (path: (ctx: MatrixContext) => string, of: 'units' | 'campaign units' | 'reference records' = 'units'): Recipe =>
  (ctx, target) => {
    const unitId = target === 'other' ? UNIT.other : scopedCaller(ctx.caller) ? UNIT.own : undefined;
    const list: ScopeCheck = { list: unitId };
    const checks: ScopeCheck[] = of === 'units' ? [list] : of === 'campaign units' ? [{ campaign: 'read' }, list] : [];
    return { path: `${path(ctx)}${unitId === undefined ? '' : `?unitId=${unitId}`}`, checks };
  };
