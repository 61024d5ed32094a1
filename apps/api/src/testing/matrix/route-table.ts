import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { PERMISSION_KEY, type RoutePermission } from '../../auth/permit.decorator';
import { IS_PUBLIC } from '../../auth/public.decorator';

/** One route the running app answers, with what its decorators say about who may call it. */
export interface AppRoute {
  /** `GET /hazards/:id/events`: the key recipes and reports use. */
  key: string;
  method: string;
  path: string;
  /** `Controller.handler`, for messages. */
  handler: string;
  isPublic: boolean;
  permission?: RoutePermission;
  /** Why the route acts on one unit's object (so a unit may be refused another unit's), or undefined. */
  unitObject?: string;
}

/** Where @nestjs/swagger keeps a DTO's documented properties (DECORATORS.API_MODEL_PROPERTIES_ARRAY, not exported). */
const SWAGGER_PROPERTIES = 'swagger/apiModelPropertiesArray';

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every route of every controller in the running app (Nest's own route metadata, as its router
 * explorer reads it), checked against what Express actually serves: a route served without a
 * Nest handler is reported in `unknown` (it would bypass the guards); `/docs` is Swagger UI's.
 */
export function appRoutes(app: INestApplication): { routes: AppRoute[]; unknown: string[] } {
  const routes: AppRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type;
      const prefix: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const fn = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof fn !== 'function' || Reflect.getMetadata(METHOD_METADATA, fn) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod]!;
        const paths: string[] = [Reflect.getMetadata(PATH_METADATA, fn)].flat();
        for (const path of paths.map((p) => join(prefix, p))) {
          const isPublic = Boolean(Reflect.getMetadata(IS_PUBLIC, fn) ?? Reflect.getMetadata(IS_PUBLIC, controller));
          const permission: RoutePermission | undefined = Reflect.getMetadata(PERMISSION_KEY, fn) ?? Reflect.getMetadata(PERMISSION_KEY, controller);
          routes.push({
            key: `${method} ${path}`,
            method,
            path,
            handler: `${controller.name}.${name}`,
            isPublic,
            permission,
            unitObject: unitObjectOf(controller, name, path),
          });
        }
      }
    }
  }
  const known = new Set(routes.map((r) => r.key));
  const served = servedRoutes(app).filter((key) => !/^GET \/docs(-json|-yaml|\/.*)?$/.test(key));
  return { routes: routes.sort((a, b) => a.key.localeCompare(b.key)), unknown: served.filter((key) => !known.has(key)) };
}

/**
 * Whether a route acts on one unit's object, read from the route itself: a `:unitId` in its
 * path, a hazard (`/hazards/:id…`, each hazard is one unit's), a registry person (`/registry/people/:personId…`), or a `unitId` field in its query
 * or body (a filter or the object named).
 */
function unitObjectOf(controller: Type, handler: string, path: string): string | undefined {
  if (path.includes('/:unitId')) return 'the unit in its path';
  if (/^\/hazards\/:id(\/|$)/.test(path)) return 'a hazard (each is one unit’s)';
  if (/^\/accidents\/:id(\/|$)/.test(path)) return 'an accident (each is one unit’s)';
  if (/^\/enforcement-cases\/:caseId(\/|$)/.test(path)) return 'an enforcement case (each is against one unit)';
  if (/^\/registry\/people\/:personId(\/|$)/.test(path)) return 'a person in the registry (each is one unit’s)';
  const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) ?? {};
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, handler) ?? [];
  for (const [key, { index }] of Object.entries(args)) {
    const kind = Number(key.split(':')[0]);
    if (kind !== RouteParamtypes.QUERY && kind !== RouteParamtypes.BODY) continue;
    const dto = types[index] as Type | undefined;
    const properties: string[] = (dto?.prototype && Reflect.getMetadata(SWAGGER_PROPERTIES, dto.prototype)) ?? [];
    if (properties.includes(':unitId')) return `unitId in its ${kind === RouteParamtypes.QUERY ? 'query' : 'body'}`;
  }
  return undefined;
}

/** `METHOD /path` of every route Express serves. */
function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
  return express.router.stack.flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).map((method) => `${method === '_all' ? 'ALL' : method.toUpperCase()} ${layer.route!.path}`) : [],
  );
}
