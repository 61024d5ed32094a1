/** How an event names a stored evidence file: `sha256:` and the 64 lowercase hex digits of its SHA-256. */
export const EVIDENCE_DIGEST_PATTERN = '^sha256:[0-9a-f]{64}$';

const DIGEST = new RegExp(EVIDENCE_DIGEST_PATTERN);
const PREFIX = 'sha256:';

export const isEvidenceDigest = (text: string): boolean => DIGEST.test(text);

/** The digest reference of a SHA-256 given as hex. */
export const evidenceDigestOf = (sha256Hex: string): string => `${PREFIX}${sha256Hex.toLowerCase()}`;

/**
 * One entry of an `attachments` list: a reference to a stored file by digest, free text (what
 * older clients send: a URL, a file name, a note), or a text that starts like a digest but is
 * not one (a typo, a truncated copy), which is refused rather than kept as text.
 */
export type EvidenceRef = { kind: 'digest'; digest: string } | { kind: 'text'; text: string } | { kind: 'malformed_digest'; text: string };

export function parseEvidenceRef(text: string): EvidenceRef {
  if (isEvidenceDigest(text)) return { kind: 'digest', digest: text };
  if (text.trim().toLowerCase().startsWith(PREFIX)) return { kind: 'malformed_digest', text };
  return { kind: 'text', text };
}

/** The digest references of a list, with their places (`attachments[i]`); free text is skipped. */
export function evidenceRefsIn(refs: readonly string[] | undefined): Array<{ index: number; ref: Exclude<EvidenceRef, { kind: 'text' }> }> {
  return (refs ?? []).flatMap((text, index) => {
    const ref = parseEvidenceRef(text);
    return ref.kind === 'text' ? [] : [{ index, ref }];
  });
}
