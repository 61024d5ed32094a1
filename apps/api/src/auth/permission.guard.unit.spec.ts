import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CAMPAIGN_PERMISSIONS, CAMPAIGN_TEMPLATE_PERMISSIONS, DomainRejection, HAZARD_PERMISSIONS, type Actor } from '@duban/domain';
import { auditor, inspector, office, unitA } from '../testing/actors';
import { apiControllers } from '../testing/module-controllers';
import { PermissionGuard } from './permission.guard';
import { forbiddenDescription, Permit, PERMISSION_KEY, ROLES_EXTENSION } from './permit.decorator';
import { IS_PUBLIC } from './public.decorator';

/** Where @nestjs/swagger keeps a route's documented responses and extensions (DECORATORS.*, not exported). */
const SWAGGER_RESPONSES = 'swagger/apiResponse';
const SWAGGER_EXTENSIONS = 'swagger/apiExtension';

class Routes {
  @Permit(HAZARD_PERMISSIONS, 'verify')
  verify(): void {}

  unguarded(): void {}
}

/** The guard's answer for `actor` calling `Routes[handler]`: true, or the exception it threw. */
function run(handler: keyof Routes, actor?: Actor): unknown {
  const context = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ actor }) }),
  } as unknown as ExecutionContext;
  try {
    return new PermissionGuard(new Reflector()).canActivate(context);
  } catch (error) {
    return error;
  }
}

describe('PermissionGuard (the role check of @Permit)', () => {
  it('lets the roles the table lists through', () => {
    expect(run('verify', inspector)).toBe(true);
    expect(run('verify', office)).toBe(true);
  });

  it("refuses any other role with a 403 in the table's words", () => {
    const refused = run('verify', unitA);
    expect(refused).toBeInstanceOf(DomainRejection);
    expect(refused).toMatchObject({
      kind: 'forbidden',
      code: 'permission.role_not_allowed',
      message: 'unit may not verify: verification (验收) is done by the inspecting side or the office',
    });
    expect(run('verify', auditor)).toMatchObject({ kind: 'forbidden', code: 'permission.role_not_allowed' });
  });

  it('needs an actor on a permitted route, and leaves a route without @Permit alone', () => {
    expect(run('verify')).toBeInstanceOf(UnauthorizedException);
    expect(run('unguarded')).toBe(true);
  });
});

describe('@Permit', () => {
  it('documents the 403 with who may, and whether a unit only for itself', () => {
    expect(forbiddenDescription(HAZARD_PERMISSIONS, 'verify')).toBe(
      'Only 安委会办公室 (safety committee office), 检查组 (inspector / verifier) may (无权操作).',
    );
    expect(forbiddenDescription(CAMPAIGN_PERMISSIONS, 'submit_report')).toBe(
      'Only 责任单位 (responsible unit) may (无权操作); a unit only for itself.',
    );
    expect(forbiddenDescription(CAMPAIGN_TEMPLATE_PERMISSIONS, 'read')).not.toMatch(/a unit only for itself/);
    const documented = Reflect.getMetadata(SWAGGER_RESPONSES, Routes.prototype.verify) as Record<string, { description: string }>;
    expect(documented['403'].description).toContain(forbiddenDescription(HAZARD_PERMISSIONS, 'verify'));
  });

  it('declares the roles it admits as x-duban-roles (the contract run covers each operation under the first)', () => {
    const extensions = Reflect.getMetadata(SWAGGER_EXTENSIONS, Routes.prototype.verify) as Record<string, unknown>;
    expect(extensions[ROLES_EXTENSION]).toEqual(['office', 'inspector']);
  });

  it('is on every route of every controller of the ApiModule that is not @Public', () => {
    const controllers = [...apiControllers()];
    const unnamed = controllers.flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype)
        .filter((name) => name !== 'constructor')
        .filter((name) => {
          const handler = (controller.prototype as unknown as Record<string, object>)[name];
          return !Reflect.getMetadata(PERMISSION_KEY, handler) && !Reflect.getMetadata(IS_PUBLIC, handler);
        })
        .map((name) => `${controller.name}.${name}`),
    );
    expect(unnamed).toEqual([]);
  });
});
