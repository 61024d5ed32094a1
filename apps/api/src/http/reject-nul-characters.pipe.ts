import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { invalid } from '@duban/domain';

/**
 * Refuses any text holding U+0000, in a body, query or path, naming the field: PostgreSQL
 * stores no NUL in text or jsonb, so such a value would otherwise fail deep in a write (a 500,
 * or a projection retried forever) instead of at the door.
 */
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const field = firstNulField(value, metadata.data ?? '');
    if (field !== undefined)
      throw invalid(
        'input.nul_character',
        field || metadata.type,
        `${field || metadata.type} holds a NUL character (U+0000), which text may not contain`,
      );
    return value;
  }
}

function firstNulField(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstNulField(item, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = firstNulField(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
