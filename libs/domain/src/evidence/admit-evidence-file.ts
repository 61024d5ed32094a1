import { STANDARD_EVIDENCE_POLICY, type EvidencePolicy } from './evidence-policy';

/** The media type the file's leading bytes say it is, among the policy's; undefined for any other file. */
export function sniffEvidenceType(head: Uint8Array, policy: EvidencePolicy = STANDARD_EVIDENCE_POLICY): string | undefined {
  return policy.mediaTypes.find((t) => t.magic.length <= head.length && t.magic.every((byte, i) => head[i] === byte))?.mediaType;
}

/** What the uploader says of a file: its size, its first bytes, the Content-Type it was sent with. */
export interface EvidenceFileFacts {
  size: number;
  head: Uint8Array;
  declaredType?: string;
}

export type EvidenceAdmission =
  { admitted: true; mediaType: string } | { admitted: false; reason: 'too_large' | 'unsupported_type'; message: string };

/**
 * Whether the policy takes a file, and as what. The bytes decide the type: a declared
 * Content-Type is only believed when the bytes agree, so an .exe renamed .png is refused. A
 * declared type outside the policy (application/octet-stream, what many clients send) is ignored.
 * An empty file has no type: it is refused as one.
 */
export function admitEvidenceFile(file: EvidenceFileFacts, policy: EvidencePolicy = STANDARD_EVIDENCE_POLICY): EvidenceAdmission {
  const allowed = policy.mediaTypes.map((t) => t.mediaType).join(', ');
  if (file.size > policy.maxBytes)
    return { admitted: false, reason: 'too_large', message: `the file has ${file.size} bytes; at most ${policy.maxBytes} are taken` };
  const sniffed = sniffEvidenceType(file.head, policy);
  if (!sniffed) return { admitted: false, reason: 'unsupported_type', message: `the file's content is none of ${allowed}` };
  const declared = file.declaredType?.split(';')[0]?.trim().toLowerCase();
  if (declared && declared !== sniffed && policy.mediaTypes.some((t) => t.mediaType === declared))
    return { admitted: false, reason: 'unsupported_type', message: `the file was sent as ${declared}, but its content is ${sniffed}` };
  return { admitted: true, mediaType: sniffed };
}
