import { Controller, Get, HttpStatus, Param, Post, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVIDENCE_PERMISSIONS, STANDARD_EVIDENCE_POLICY, type Actor } from '@duban/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { UploadRoute } from '../http/upload-route.decorator';
import { EvidenceCommandsService, type EvidenceUploadResult } from './evidence-commands.service';
import { EVIDENCE_DIGEST_SCHEMA, ParseEvidenceDigestPipe } from './evidence-digest.pipe';
import { EvidenceReadsService } from './evidence-reads.service';
import { EVIDENCE_FIELD, EVIDENCE_UPLOAD, type UploadedEvidenceFile } from './evidence-upload';
import { EvidenceFileView } from './views/evidence-file.view';

const TYPES = STANDARD_EVIDENCE_POLICY.mediaTypes;
const KINDS = TYPES.map((t) => `${t.zh} (${t.mediaType})`).join(', ');
const MIB = STANDARD_EVIDENCE_POLICY.maxBytes / 1024 / 1024;
const BINARY = { schema: { type: 'string', format: 'binary' } };

@ApiTags('evidence 证据材料')
@ApiBearerAuth()
@Controller('evidence')
export class EvidenceController {
  constructor(
    private readonly commands: EvidenceCommandsService,
    private readonly reads: EvidenceReadsService,
  ) {}

  @Post()
  @Permit(EVIDENCE_PERMISSIONS, 'upload')
  @UploadRoute(EVIDENCE_FIELD, EVIDENCE_UPLOAD)
  @ApiOperation({
    summary: 'Upload an evidence file 上传证据材料',
    description:
      `整改前后照片, scanned or signed documents (签字材料): ${KINDS}, at most ${MIB} MiB. The type is read from the file's leading bytes, not from its name or Content-Type. ` +
      'Kept by content: the answer’s `digest` (`sha256:<hex>`) names exactly these bytes; put it in a command’s `attachments` (hazard progress and completion, an enforcement case’s rectification). ' +
      'The same bytes uploaded again are kept once and answer the same digest (200, `stored: false`); the upload is recorded with its uploader.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [EVIDENCE_FIELD],
      additionalProperties: false,
      properties: { [EVIDENCE_FIELD]: { type: 'string', format: 'binary', description: `The file: ${KINDS}, at most ${MIB} MiB.` } },
    },
  })
  @ApiCreatedResponse({ description: '已保存 (stored): the first upload of these bytes.', type: EvidenceFileView })
  @ApiOkResponse({ description: '已存在 (already kept): the same bytes were uploaded before; this upload is recorded.', type: EvidenceFileView })
  @ApiProblem(413, `文件过大 (\`request.too_large\`): more than ${MIB} MiB.`)
  @ApiProblem(415, `类型不支持 (\`evidence.media_type_unsupported\`): the file's bytes are none of ${KINDS}, or contradict its declared type.`)
  @ApiCommonErrors()
  async upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EvidenceUploadResult> {
    const result = await this.commands.upload(actor, file);
    res.status(result.stored ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }

  @Get(':digest')
  @Permit(EVIDENCE_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Download an evidence file 下载证据材料',
    description: 'The bytes kept under the digest, with the media type recorded at upload. A unit token reads only the files its unit uploaded.',
  })
  @ApiParam({ name: 'digest', description: '摘要 (digest): `sha256:` and 64 lowercase hex digits.', schema: EVIDENCE_DIGEST_SCHEMA })
  @ApiOkResponse({ description: 'The file (证据材料).', content: Object.fromEntries(TYPES.map((t) => [t.mediaType, BINARY])) })
  @ApiProblem(404, '不存在 (`resource.not_found`): no evidence file has this digest.')
  @ApiCommonErrors()
  async download(
    @CurrentActor() actor: Actor,
    @Param('digest', ParseEvidenceDigestPipe) digest: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, bytes } = await this.reads.open(actor, digest);
    // The bytes under a digest never change: a client may keep them as long as it likes.
    res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    res.setHeader('ETag', `"${digest}"`);
    return new StreamableFile(bytes, {
      type: file.mediaType,
      length: file.size,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    });
  }
}
