import { Injectable } from '@nestjs/common';
import { evidenceRefsIn } from '@duban/domain';
import { EvidenceFiles } from '@duban/persistence';
import { problem, ProblemException } from '../http/problem';

/**
 * The check every command carrying `attachments` makes before it is sent: each `sha256:<hex>`
 * reference names a file uploaded through POST /evidence (422 `evidence.unknown` naming
 * `attachments[i]` otherwise). Free text stays accepted, as older clients send it.
 */
@Injectable()
export class EvidenceReferences {
  constructor(private readonly files: EvidenceFiles) {}

  async requireStored(attachments: readonly string[] | undefined, field = 'attachments'): Promise<void> {
    const refs = evidenceRefsIn(attachments);
    if (refs.length === 0) return;
    const malformed = refs.find((r) => r.ref.kind === 'malformed_digest');
    if (malformed)
      throw unknownEvidence(
        `${field}[${malformed.index}]`,
        `${JSON.stringify(attachments![malformed.index])} starts like a digest but is not one (sha256: and 64 lowercase hex digits)`,
      );
    const missing = new Set(await this.files.missing(refs.map((r) => (r.ref as { digest: string }).digest)));
    const first = refs.find((r) => r.ref.kind === 'digest' && missing.has(r.ref.digest));
    if (first)
      throw unknownEvidence(
        `${field}[${first.index}]`,
        `no evidence file has the digest ${attachments![first.index]}: upload it first (POST /evidence)`,
      );
  }
}

function unknownEvidence(field: string, detail: string): ProblemException {
  return new ProblemException(problem(422, 'evidence.unknown', `${field}: ${detail}`, { field }));
}
