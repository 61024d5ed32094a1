import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { TEXT_LIMITS } from '@duban/domain';

/** `attachments?: string[]` — references to evidence (photos, documents) stored elsewhere. */
export const AttachmentRefs = (what: string) =>
  applyDecorators(
    ApiPropertyOptional({
      description: `${what}: references (URLs or file ids) to evidence 佐证材料, at most ${TEXT_LIMITS.attachments}.`,
      type: [String],
      maxItems: TEXT_LIMITS.attachments,
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(TEXT_LIMITS.attachments),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(TEXT_LIMITS.attachmentRef, { each: true }),
  );
