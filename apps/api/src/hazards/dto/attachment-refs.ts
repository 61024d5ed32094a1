import { TEXT_LIMITS } from '@duban/domain';
import { StringListField } from '../../http/field-decorators';
import { attachmentsDescription } from '../../evidence/attachments-description';

/** `attachments?: string[]` — references to evidence (photos, documents): digests of uploaded files, or free text. */
export const AttachmentRefs = (what: string) =>
  StringListField({
    description: attachmentsDescription(what),
    optional: true,
    max: TEXT_LIMITS.attachmentRef,
    maxItems: TEXT_LIMITS.attachments,
  });
