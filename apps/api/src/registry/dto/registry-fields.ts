import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsDefined, IsIn } from 'class-validator';
import { REGISTRY_ID_PATTERN, TEXT_LIMITS } from '@duban/domain';
import { NumberField, TextField } from '../../http/field-decorators';

/** A registry id (region, industry, unit, person, link): 1–64 letters, digits, `. _ -` (starting with a letter or digit). */
export const RegistryIdField = (description: string, optional = false) =>
  TextField({
    description: `${description} 1–64 letters, digits, \`. _ -\`, starting with a letter or digit.`,
    max: 64,
    pattern: REGISTRY_ID_PATTERN,
    optional,
  });

export const ReasonField = () =>
  TextField({
    description: '变更事由 (reason), required: recorded with the version (who, when, why).',
    max: TEXT_LIMITS.longText,
    example: '年度核查',
  });

export const ExpectedVersionField = () =>
  NumberField({
    description: '期望版本 (expected version): the version you read. Another version is a 409 (`registry.version.stale`): read the record again.',
    integer: true,
    min: 1,
  });

/** A list of values from `values`, each at most once. */
export const EnumListField = (values: readonly string[], options: { description: string; maxItems: number }) =>
  applyDecorators(
    ApiProperty({
      description: options.description,
      type: 'array',
      items: { type: 'string', enum: [...values] },
      maxItems: options.maxItems,
      uniqueItems: true,
    }),
    IsDefined({ message: ({ property }) => `${property} is required` }),
    IsArray(),
    ArrayMaxSize(options.maxItems),
    ArrayUnique(),
    IsIn([...values], { each: true, message: ({ property }) => `each of ${property} must be one of ${values.join(', ')}` }),
  );
