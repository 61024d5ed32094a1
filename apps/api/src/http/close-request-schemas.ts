import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

/** Every component schema `schema` refers to, however deep (properties, items, allOf …). */
function refsOf(schema: unknown, found: Set<string>): void {
  if (Array.isArray(schema)) return schema.forEach((entry) => refsOf(entry, found));
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) found.add(value.slice(REF_PREFIX.length));
    else refsOf(value, found);
  }
}

/**
 * Marks every schema a request body uses (and every one nested in it) `additionalProperties:
 * false`: the ValidationPipe runs with `forbidNonWhitelisted`, so a field a DTO does not
 * declare is refused (400), and the document must say so.
 */
export function closeRequestSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const pending = new Set<string>();
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      const body = (operation as { requestBody?: unknown })?.requestBody;
      if (body) refsOf(body, pending);
    }
  }
  const closed = new Set<string>();
  for (const name of pending) {
    if (closed.has(name) || !schemas[name]) continue;
    closed.add(name);
    schemas[name].additionalProperties = false;
    refsOf(schemas[name], pending);
  }
  return document;
}
