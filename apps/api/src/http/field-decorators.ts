import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { codePointLength, DUBAN_ID_PATTERN, isCstDay, isDateTime, isValidId, NON_BLANK_PATTERN } from '@duban/domain';

/**
 * One declaration per DTO field: each decorator here applies the class-validator rules AND the
 * OpenAPI schema that states them, so the document says exactly what the API enforces (the
 * spec api-schema-drift.unit.spec.ts fails on any rule a schema does not declare).
 *
 * Rules run in the order listed (stopAtFirstError reports the first one broken): a required
 * field that is absent says "is required", never a length or a format.
 */

interface FieldOptions {
  description: string;
  /** Absent or `undefined` allowed (the schema does not list it as required). */
  optional?: boolean;
  example?: unknown;
}

type SchemaOptions = Omit<ApiPropertyOptions, 'description' | 'required'>;

/** The presence rule and the schema property, first of every field. */
function field(options: FieldOptions, schema: SchemaOptions, ...rules: PropertyDecorator[]) {
  const { description, optional, example } = options;
  const docs = { description, ...(example !== undefined ? { example } : {}), ...schema } as ApiPropertyOptions;
  return applyDecorators(
    optional ? ApiPropertyOptional(docs) : ApiProperty(docs),
    optional ? IsOptional() : IsDefined({ message: ({ property }) => `${property} is required` }),
    ...rules,
  );
}

/** At most `max` characters, counted as the domain and JSON Schema count them (code points). */
export const MaxCodePoints = (max: number, each = false) =>
  ValidateBy(
    {
      name: 'maxCodePoints',
      constraints: [max],
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || codePointLength(value) <= max,
        defaultMessage: (args) => `${args?.property} must be at most ${max} characters`,
      },
    },
    { each },
  );

/** Not empty nor only white space: the domain's "required text" (trim() as JavaScript trims). */
export const NonBlank = (each = false) =>
  ValidateBy(
    {
      name: 'nonBlank',
      constraints: [NON_BLANK_PATTERN],
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || new RegExp(NON_BLANK_PATTERN).test(value),
        defaultMessage: (args) => `${args?.property} must not be empty or blank`,
      },
    },
    { each },
  );

/** Matches `pattern` (an ECMAScript regex source, as the schema states it). */
export const MatchesPattern = (pattern: string) =>
  ValidateBy({
    name: 'matchesPattern',
    constraints: [pattern],
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || new RegExp(pattern).test(value),
      defaultMessage: (args) => `${args?.property} must match ${pattern}`,
    },
  });

/** A text: non-blank unless `allowBlank`, or matching `pattern` (which must not match blank text); at most `max` characters. */
export const TextField = (options: FieldOptions & { max: number; allowBlank?: boolean; pattern?: string }) => {
  const { max, allowBlank, pattern } = options;
  const form = pattern ? { minLength: 1, pattern } : allowBlank ? {} : { minLength: 1, pattern: NON_BLANK_PATTERN };
  return field(
    options,
    { type: String, maxLength: max, ...form },
    IsString(),
    ...(pattern ? [MatchesPattern(pattern)] : allowBlank ? [] : [NonBlank()]),
    MaxCodePoints(max),
  );
};

/** A Duban id (unit, campaign, phase, region …): 1–100 letters, digits, `_ . : -`, starting with a letter or digit. */
export const IsDubanId = (each = false) =>
  ValidateBy(
    {
      name: 'isDubanId',
      constraints: [DUBAN_ID_PATTERN],
      validator: {
        validate: (value: unknown) => isValidId(value),
        defaultMessage: (args) => `${args?.property ?? 'id'} must be 1–100 letters, digits, _ . : - (starting with a letter or digit)`,
      },
    },
    { each },
  );

export const DUBAN_ID_SCHEMA = { type: 'string', pattern: DUBAN_ID_PATTERN, minLength: 1, maxLength: 100 } as const;

export const IdField = (options: FieldOptions) => field(options, { ...DUBAN_ID_SCHEMA, type: String }, IsDubanId());

/** One of `values`. */
export const EnumField = (values: readonly (string | number)[], options: FieldOptions) =>
  field(options, { enum: [...values] }, IsIn([...values], { message: ({ property }) => `${property} must be one of ${values.join(', ')}` }));

/** A list of distinct values, each one of `values`. */
export const EnumListField = (values: readonly string[], options: FieldOptions) =>
  field(
    options,
    { type: 'array', items: { type: 'string', enum: [...values] }, maxItems: values.length, uniqueItems: true } as SchemaOptions,
    IsArray(),
    ArrayMaxSize(values.length),
    ArrayUnique(),
    IsIn([...values], { each: true, message: ({ property }) => `each of ${property} must be one of ${values.join(', ')}` }),
  );

export const BooleanField = (options: FieldOptions) => field(options, { type: Boolean }, IsBoolean());

/** A number; `exclusiveMin` refuses the bound itself (`> 0`). */
export const NumberField = (options: FieldOptions & { integer?: boolean; min?: number; max?: number; exclusiveMin?: boolean }) => {
  const { integer, min, max, exclusiveMin } = options;
  const bounds: PropertyDecorator[] = [];
  if (min !== undefined && exclusiveMin) bounds.push(GreaterThan(min));
  else if (min !== undefined) bounds.push(Min(min));
  if (max !== undefined) bounds.push(Max(max));
  return field(
    options,
    {
      type: integer ? 'integer' : 'number',
      ...(min !== undefined ? { minimum: min } : {}),
      ...(exclusiveMin ? { exclusiveMinimum: true } : {}),
      ...(max !== undefined ? { maximum: max } : {}),
    },
    integer ? IsInt() : IsNumber({ allowNaN: false, allowInfinity: false }),
    ...bounds,
  );
};

/** Strictly greater than `bound` (OpenAPI 3.0's `exclusiveMinimum: true`). */
export const GreaterThan = (bound: number, each = false) =>
  ValidateBy(
    {
      name: 'greaterThan',
      constraints: [bound],
      validator: {
        validate: (value: unknown) => typeof value === 'number' && value > bound,
        defaultMessage: (args) => `${each ? 'each of ' : ''}${args?.property} must be greater than ${bound}`,
      },
    },
    { each },
  );

/** An instant as JSON Schema's `date-time` format reads it (RFC 3339), and as the domain reads it. */
export const IsDateTime = () =>
  ValidateBy({
    name: 'isDateTime',
    validator: {
      validate: (value: unknown) => isDateTime(value),
      defaultMessage: (args) => `${args?.property} must be an ISO 8601 (RFC 3339) date-time with a zone`,
    },
  });

export const DateTimeField = (options: FieldOptions) => field(options, { type: String, format: 'date-time' }, IsString(), IsDateTime());

/** A calendar day, YYYY-MM-DD (China Standard Time). */
export const IsDay = (validationOptions?: { each: boolean }) =>
  ValidateBy(
    {
      name: 'isCstDay',
      validator: {
        validate: (value: unknown) => isCstDay(value),
        defaultMessage: (args) => `${args?.property} must be a day as YYYY-MM-DD (China Standard Time)`,
      },
    },
    validationOptions,
  );

export const DayField = (options: FieldOptions) => field(options, { type: String, format: 'date' }, IsDay());

/** A list of calendar days, YYYY-MM-DD (China Standard Time), at most `maxItems`. */
export const DayListField = (options: FieldOptions & { maxItems: number }) =>
  field(
    options,
    { type: 'array', items: { type: 'string', format: 'date' }, maxItems: options.maxItems } as SchemaOptions,
    IsArray(),
    ArrayMaxSize(options.maxItems),
    IsDay({ each: true }),
  );

/** A list of strings, each a non-blank text of at most `max` characters (or each a Duban id). */
export const StringListField = (options: FieldOptions & { max: number; maxItems: number; minItems?: number; unique?: boolean; ids?: boolean }) => {
  const { max, maxItems, minItems, unique, ids } = options;
  const items = ids ? { ...DUBAN_ID_SCHEMA } : { type: 'string', minLength: 1, maxLength: max, pattern: NON_BLANK_PATTERN };
  return field(
    options,
    { type: 'array', items, maxItems, ...(minItems !== undefined ? { minItems } : {}), ...(unique ? { uniqueItems: true } : {}) } as SchemaOptions,
    IsArray(),
    ...(minItems !== undefined ? [ArrayMinSize(minItems)] : []),
    ArrayMaxSize(maxItems),
    ...(unique ? [ArrayUnique()] : []),
    IsString({ each: true }),
    ...(ids ? [IsDubanId(true)] : [NonBlank(true), MaxCodePoints(max, true)]),
  );
};

/** A nested object of class `type`, validated in turn (unknown fields refused there too). */
export const NestedField = (type: () => new () => object, options: FieldOptions) =>
  // Spelled `type: () => …` in the literal: @nestjs/swagger knows a lazy type by its name, `type`.
  field(options, { type: () => type() }, IsObject(), ValidateNested(), Type(type));

/** A list of objects of class `type`, each validated in turn. */
export const NestedListField = (type: () => new () => object, options: FieldOptions & { maxItems?: number; minItems?: number }) =>
  field(
    options,
    {
      type: () => [type()],
      ...(options.maxItems !== undefined ? { maxItems: options.maxItems } : {}),
      ...(options.minItems !== undefined ? { minItems: options.minItems } : {}),
    } as SchemaOptions,
    IsArray(),
    ...(options.minItems !== undefined ? [ArrayMinSize(options.minItems)] : []),
    ...(options.maxItems !== undefined ? [ArrayMaxSize(options.maxItems)] : []),
    ValidateNested({ each: true }),
    Type(type),
  );

/** An optional `true` / `false` query parameter; anything else is a 400 naming the parameter. */
export const BooleanQueryField = (options: Omit<FieldOptions, 'optional'>) =>
  field(
    { ...options, optional: true },
    { type: Boolean },
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );

/** An optional whole-number query parameter in min..max (query strings are text: parsed first). */
export const IntegerQueryField = (options: Omit<FieldOptions, 'optional'> & { min: number; max: number }) =>
  field(
    { ...options, optional: true },
    { type: 'integer', minimum: options.min, maximum: options.max },
    Type(() => Number),
    IsInt(),
    Min(options.min),
    Max(options.max),
  );

/** A list of numbers in (min, max] (`exclusiveMin`) or [min, max], at most `maxItems`; order and cross-item rules are the domain's. */
export const NumberListField = (options: FieldOptions & { min: number; max: number; exclusiveMin?: boolean; maxItems: number }) => {
  const { min, max, exclusiveMin, maxItems } = options;
  const items = { type: 'number', minimum: min, ...(exclusiveMin ? { exclusiveMinimum: true } : {}), maximum: max };
  return field(
    options,
    { type: 'array', items, maxItems } as SchemaOptions,
    IsArray(),
    ArrayMaxSize(maxItems),
    IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }),
    ...(exclusiveMin ? [GreaterThan(min, true)] : [Min(min, { each: true })]),
    Max(max, { each: true }),
  );
};
