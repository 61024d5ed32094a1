import type { DynamicModule, Type } from '@nestjs/common';
import { ApiModule } from '../api.module';
import { resolveApiConfig } from '../config/api-config';

/** Every controller a module mounts, through its imports, as Nest would find them. */
export function controllersOf(root: DynamicModule | Type): Set<Type> {
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

/** The controllers of the real ApiModule (its configuration only names where things are; nothing connects). */
export function apiControllers(): Set<Type> {
  return controllersOf(
    ApiModule.forRoot(
      resolveApiConfig({ databaseUrl: 'postgres://unused', temporal: { address: 'unused:7233', namespace: 'default' }, authSecret: 's' }),
    ),
  );
}
