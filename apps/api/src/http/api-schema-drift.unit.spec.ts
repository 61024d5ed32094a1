import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { getMetadataStorage, IsOptional, MaxLength } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { DUBAN_ID_PATTERN, NON_BLANK_PATTERN } from '@duban/domain';
import { startMatrixWorld, type MatrixWorld } from '../testing/matrix/matrix-world';
import { apiControllers } from '../testing/module-controllers';
import { TextField } from './field-decorators';

/**
 * One source: every rule a DTO's validation applies is stated by the OpenAPI schema of that
 * field, and every field the schema documents is one the validation accepts. A rule this spec
 * does not know how to read in a schema fails it, so a new validator cannot slip in undeclared.
 */
type Schema = Record<string, any>;
type Constructor = new () => object;

const CONTROLLERS = [...apiControllers()];
const storage = getMetadataStorage();
const rulesOf = (cls: Constructor): ValidationMetadata[] => storage.getTargetValidationMetadatas(cls, '', true, false);

/** What schema states each validator, by its name; `each` rules are read on the items. */
const STATED_BY: Record<string, (schema: Schema, constraints: any[]) => unknown> = {
  isString: (s) => s.type === 'string',
  nonBlank: (s) => s.pattern === NON_BLANK_PATTERN && s.minLength >= 1,
  maxCodePoints: (s, [max]) => s.maxLength === max,
  matchesPattern: (s, [pattern]) => s.pattern === pattern && s.minLength >= 1,
  isDubanId: (s) => s.pattern === DUBAN_ID_PATTERN && s.maxLength === 100 && s.minLength === 1,
  isIn: (s, [values]) => JSON.stringify(s.enum) === JSON.stringify(values),
  isBoolean: (s) => s.type === 'boolean',
  isInt: (s) => s.type === 'integer',
  isNumber: (s) => s.type === 'number' || s.type === 'integer',
  min: (s, [min]) => s.minimum === min && !s.exclusiveMinimum,
  max: (s, [max]) => s.maximum === max,
  greaterThan: (s, [bound]) => s.minimum === bound && s.exclusiveMinimum === true,
  isDateTime: (s) => s.type === 'string' && s.format === 'date-time',
  isCstDay: (s) => s.type === 'string' && s.format === 'date',
  isArray: (s) => s.type === 'array',
  arrayMinSize: (s, [min]) => s.minItems === min,
  arrayMaxSize: (s, [max]) => s.maxItems === max,
  arrayUnique: (s) => s.uniqueItems === true,
  isObject: (s) => typeof s.$ref === 'string',
};

let docs: Schema[] = [];
let world: MatrixWorld;
beforeAll(async () => {
  // The matrix world mounts every controller of the real ApiModule: one document covers them all.
  world = await startMatrixWorld();
  docs = [(await world.api.call('GET', '/docs-json')).body];
});
afterAll(async () => world?.api.close());

const components = (): Record<string, Schema> => Object.assign({}, ...docs.map((doc) => doc.components.schemas));
const operation = (id: string): Schema | undefined =>
  docs.flatMap((doc) => Object.values(doc.paths).flatMap((item: any) => Object.values(item) as Schema[])).find((op) => op.operationId === id);

/** A property's schema with `allOf: [{ $ref }]` (how @nestjs/swagger wraps a described reference) unwrapped. */
function unwrap(schema: Schema): Schema {
  const ref = schema.allOf?.length === 1 ? schema.allOf[0].$ref : undefined;
  return ref ? { ...schema, $ref: ref } : schema;
}

/** The DTO classes bound to routes (bodies and queries), with the operation each is read in. */
function routeDtos(): Array<{ cls: Constructor; where: 'body' | 'query'; operationId: string }> {
  return CONTROLLERS.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .flatMap((name) => {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>;
        const types = Reflect.getMetadata('design:paramtypes', controller.prototype, name) as Constructor[];
        return Object.entries(args).flatMap(([key, { index }]) => {
          const kind = Number(key.split(':')[0]);
          const where = kind === RouteParamtypes.BODY ? 'body' : kind === RouteParamtypes.QUERY ? 'query' : undefined;
          return where && rulesOf(types[index]).length > 0 ? [{ cls: types[index], where, operationId: `${controller.name}_${name}` } as const] : [];
        });
      }),
  );
}

/** Every way `cls`'s validation and its schema (`properties`, `required`) disagree; nested classes checked in turn. */
function drift(cls: Constructor, properties: Record<string, Schema>, required: (name: string) => boolean, seen = new Set<Constructor>()): string[] {
  if (seen.has(cls)) return [];
  seen.add(cls);
  const problems: string[] = [];
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rulesOf(cls)) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  for (const name of Object.keys(properties)) {
    if (!byProperty.has(name)) problems.push(`${cls.name}.${name} is documented but has no validation: the pipe refuses it`);
  }
  for (const [name, rules] of byProperty) {
    const at = `${cls.name}.${name}`;
    const schema = properties[name] && unwrap(properties[name]);
    if (!schema) {
      problems.push(`${at} is validated but not documented`);
      continue;
    }
    const optional = rules.some((rule) => rule.type === 'conditionalValidation');
    if (optional === required(name))
      problems.push(`${at} is ${optional ? 'optional' : 'required'} but the schema says ${optional ? 'required' : 'optional'}`);
    for (const rule of rules) {
      if (['conditionalValidation', 'isDefined', 'whitelistValidation'].includes(rule.type)) continue;
      if (rule.type === 'nestedValidation') {
        const target = rule.each ? schema.items : schema;
        const component =
          String(target?.$ref ?? '')
            .split('/')
            .pop() ?? '';
        const nested = components()[component];
        const nestedCls = classNamed(component);
        if (!nested || !nestedCls) problems.push(`${at} is validated as nested but its schema names no known class`);
        else problems.push(...drift(nestedCls, nested.properties ?? {}, (n) => (nested.required ?? []).includes(n), seen));
        continue;
      }
      const name = (rule as ValidationMetadata & { name?: string }).name ?? rule.type;
      const stated = STATED_BY[name];
      const target = rule.each ? schema.items : schema;
      if (!stated) problems.push(`${at}: no schema rule is known for validator ${name}; declare it in http/field-decorators.ts and here`);
      else if (!target || !stated(target, rule.constraints ?? []))
        problems.push(`${at}: validator ${name}(${JSON.stringify(rule.constraints ?? [])}) is not stated by ${JSON.stringify(target)}`);
    }
  }
  return problems;
}

/** The validated class a component schema is named after. */
function classNamed(name: string): Constructor | undefined {
  const targets = (storage as unknown as { validationMetadatas: Map<Constructor, unknown> }).validationMetadatas;
  return [...targets.keys()].find((cls) => cls.name === name);
}

describe('the OpenAPI document states every rule the validation applies', () => {
  it('for every body and query DTO of every route, nested ones too', () => {
    const dtos = routeDtos();
    expect(dtos.length).toBeGreaterThan(20);
    const problems = dtos.flatMap(({ cls, where, operationId }) => {
      const op = operation(operationId);
      if (!op) return [`${operationId}: not in the document`];
      if (where === 'body') {
        const ref = String(op.requestBody?.content?.['application/json']?.schema?.$ref ?? '');
        const schema = components()[ref.split('/').pop() ?? ''];
        if (!schema) return [`${operationId}: the body ${cls.name} is not documented`];
        if (schema.additionalProperties !== false) return [`${operationId}: ${cls.name} does not say that unknown fields are refused`];
        return drift(cls, schema.properties ?? {}, (name) => (schema.required ?? []).includes(name));
      }
      const params = (op.parameters ?? []).filter((p: Schema) => p.in === 'query') as Schema[];
      const properties = Object.fromEntries(params.map((p) => [p.name, p.schema]));
      return drift(cls, properties, (name) => params.find((p) => p.name === name)?.required === true);
    });
    expect([...new Set(problems)]).toEqual([]);
  });

  it('fails on a rule the schema does not state, a validator it cannot read, a field only one side has', () => {
    class Probe {
      @TextField({ description: 'a note', max: 5 })
      note!: string;

      @IsOptional()
      @MaxLength(3)
      code?: string;
    }
    const stated = { type: 'string', minLength: 1, pattern: NON_BLANK_PATTERN, maxLength: 5 };
    expect(drift(Probe, { note: stated, code: { type: 'string', maxLength: 3 } }, (name) => name === 'note')).toEqual([
      'Probe.code: no schema rule is known for validator maxLength; declare it in http/field-decorators.ts and here',
    ]);
    expect(drift(Probe, { note: { ...stated, maxLength: 6 }, stray: { type: 'string' } }, () => false)).toEqual([
      'Probe.stray is documented but has no validation: the pipe refuses it',
      'Probe.note is required but the schema says optional',
      'Probe.note: validator maxCodePoints([5]) is not stated by {"type":"string","minLength":1,"pattern":"' +
        NON_BLANK_PATTERN.replace(/\\/g, '\\\\') +
        '","maxLength":6}',
      'Probe.code is validated but not documented',
    ]);
  });
});
