import { TEXT_LIMITS } from '@duban/domain';
import { StringListField } from '../../http/field-decorators';

/** `attachments?: string[]` — references to evidence (photos, documents) stored elsewhere. */
export const AttachmentRefs = (what: string) =>
  StringListField({
    description: `${what}: references (URLs or file ids) to evidence 佐证材料, at most ${TEXT_LIMITS.attachments}, each at most ${TEXT_LIMITS.attachmentRef} characters.`,
    optional: true,
    max: TEXT_LIMITS.attachmentRef,
    maxItems: TEXT_LIMITS.attachments,
  });
