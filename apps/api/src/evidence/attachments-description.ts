import { TEXT_LIMITS } from '@duban/domain';

/** The OpenAPI words of every `attachments` list: what a reference may be, and how a digest is checked. */
export const attachmentsDescription = (what: string): string =>
  `${what}: references to evidence 佐证材料, at most ${TEXT_LIMITS.attachments}, each at most ${TEXT_LIMITS.attachmentRef} characters. ` +
  'Preferably a digest `sha256:<64 lowercase hex>` that POST /evidence answered (证据材料, kept by content); each is checked before the command is sent, ' +
  'and one no file has (or that starts with `sha256:` but is no digest) is refused with 422 `evidence.unknown` naming `attachments[i]`. ' +
  'Free text (a URL, a file name, as older clients send) is still accepted and kept as given, unchecked.';
