import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_DIGEST_PATTERN, ROLES } from '@duban/domain';

class EvidenceUploaderView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ description: '所属单位 (the uploader’s unit).' }) unitId?: string;
}

/** What `POST /evidence` answers: the file as kept, by its digest (证据材料). */
export class EvidenceFileView {
  @ApiProperty({
    description: '摘要 (digest): `sha256:` and the SHA-256 of the bytes; put it in `attachments` to reference the file.',
    pattern: EVIDENCE_DIGEST_PATTERN,
  })
  digest!: string;

  @ApiProperty({ description: '大小 (size) in bytes.', type: 'integer' })
  size!: number;

  @ApiProperty({ description: '类型 (media type), as the bytes say.', enum: ['image/jpeg', 'image/png', 'application/pdf'] })
  mediaType!: string;

  @ApiProperty({ description: '文件名 (the file name its first uploader sent).' })
  originalName!: string;

  @ApiProperty({ description: '首次上传人 (who uploaded it first).', type: () => EvidenceUploaderView })
  firstUploadedBy!: EvidenceUploaderView;

  @ApiProperty({ description: '首次上传时间 (first uploaded at).', format: 'date-time' })
  firstUploadedAt!: string;

  @ApiProperty({ description: '上传单位 (the units among its uploaders).', type: [String] })
  uploaderUnitIds!: string[];

  @ApiProperty({ description: 'true: this upload stored the bytes (201); false: the same bytes were kept already (200), this upload is recorded.' })
  stored!: boolean;
}
