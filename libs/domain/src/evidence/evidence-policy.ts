/** A kind of file Duban keeps as evidence (佐证材料), recognised by its leading bytes (magic number). */
export interface EvidenceMediaType {
  mediaType: string;
  /** What a zh-CN interface calls it. */
  zh: string;
  /** The bytes every such file starts with. */
  magic: readonly number[];
}

/** What the office takes as evidence: which kinds of file, and how big one may be. */
export interface EvidencePolicy {
  mediaTypes: readonly EvidenceMediaType[];
  /** The largest file taken, in bytes; a bigger one is refused (413). */
  maxBytes: number;
}

/**
 * 整改前后照片 (JPEG, PNG) and scanned or signed documents (PDF): what inspectors and units
 * photograph and sign. 20 MiB holds a full-resolution phone photo or a multi-page scan.
 */
export const STANDARD_EVIDENCE_POLICY: EvidencePolicy = {
  mediaTypes: [
    { mediaType: 'image/jpeg', zh: 'JPEG 图片', magic: [0xff, 0xd8, 0xff] },
    { mediaType: 'image/png', zh: 'PNG 图片', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
    { mediaType: 'application/pdf', zh: 'PDF 文档', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  ],
  maxBytes: 20 * 1024 * 1024,
};

/** How many leading bytes `sniffEvidenceType` needs at most. */
export const evidenceSniffLength = (policy: EvidencePolicy = STANDARD_EVIDENCE_POLICY): number =>
  Math.max(...policy.mediaTypes.map((t) => t.magic.length));
