import { Injectable, type PipeTransform } from '@nestjs/common';
import { EVIDENCE_DIGEST_PATTERN, isEvidenceDigest } from '@duban/domain';
import { problem, ProblemException } from '../http/problem';

/** `:digest`'s schema, stated beside the pipe that enforces it. */
export const EVIDENCE_DIGEST_SCHEMA = { type: 'string', pattern: EVIDENCE_DIGEST_PATTERN, example: `sha256:${'0'.repeat(64)}` } as const;

/** `:digest` must be `sha256:<64 lowercase hex>`; anything else is a 400 naming `digest`, before any lookup. */
@Injectable()
export class ParseEvidenceDigestPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isEvidenceDigest(value)) return value;
    throw new ProblemException(
      problem(400, 'request.invalid', `digest must be sha256: and 64 lowercase hex digits, got ${JSON.stringify(value)}`, { field: 'digest' }),
    );
  }
}
