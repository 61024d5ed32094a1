import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AUDIT_PERMISSIONS, type Actor } from '@duban/domain';
import { BUNDLE_ZIP_MEDIA_TYPE, zipBundle, type BundleSubjectKind } from '@duban/audit';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { AuditBundleService } from './audit-bundle.service';
import { BUNDLE_KIND_SCHEMA, BUNDLE_SUBJECT_ID_SCHEMA, ParseBundleKindPipe, ParseBundleSubjectIdPipe } from './bundle-subject.pipe';

/** The response header that carries the bundle's root digest (the SHA-256 of its manifest.json), for the auditor to note. */
export const ROOT_DIGEST_HEADER = 'Duban-Bundle-Root-Digest';
/** `true` when the office's key signed the bundle (signature.json), else `false`. */
export const SIGNED_HEADER = 'Duban-Bundle-Signed';

/** 审计导出: the verifiable bundle `duban export` writes, downloaded as one .zip. */
@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditBundleController {
  constructor(private readonly bundles: AuditBundleService) {}

  @Get('bundles/:kind/:id')
  @Permit(AUDIT_PERMISSIONS, 'export')
  @ApiOperation({
    summary: 'Export an audit bundle 审计导出包 (.zip)',
    description:
      'What `duban export --<kind> <id>` writes, as one zip (the bundle’s files at its root): every run’s history of every workflow the subject stands for ' +
      '(hazard 隐患: the hazard; campaign 专项行动: the campaign, every unit’s obligations, every hazard found in it; unit 单位: its obligations, hazards, accidents and their accountability, ' +
      'enforcement cases, tip-offs, completed covert inspections; accident 事故: the accident, its rectification hazards, tip-offs, accountability, cases; enforcement 执法案件: the case), ' +
      'their ledger events, the evidence files they reference, timeline.html, manifest.json and its root digest (manifest.sha256), and signature.json when the API holds the office’s key. ' +
      'Check it offline: `duban verify <file>.zip`. Written to a temporary folder and streamed from it (never held in memory), then removed. Every export is logged (who, what, root digest). ' +
      'The caller must be allowed to read the subject (its unit, territory, industry).',
  })
  @ApiParam({
    name: 'kind',
    description: '对象 (subject kind): hazard 隐患, campaign 专项行动, unit 单位, accident 事故, enforcement 执法案件.',
    schema: BUNDLE_KIND_SCHEMA,
  })
  @ApiParam({
    name: 'id',
    description: '编号 (the subject’s id): a hazard’s, accident’s or case’s UUID, a campaign id, a registry unit id.',
    schema: BUNDLE_SUBJECT_ID_SCHEMA,
  })
  @ApiProduces(BUNDLE_ZIP_MEDIA_TYPE)
  @ApiOkResponse({
    description: 'The bundle (审计导出包-<kind>-<id>.zip).',
    content: { [BUNDLE_ZIP_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': { description: 'attachment; the file name (RFC 5987 `filename*`, UTF-8).', schema: { type: 'string' } },
      [ROOT_DIGEST_HEADER]: {
        description: '根摘要 (root digest): the SHA-256 of the bundle’s manifest.json, hex — what `duban verify` prints.',
        schema: { type: 'string' },
      },
      [SIGNED_HEADER]: {
        description: '已签名 (signed with the office’s Ed25519 key): true or false.',
        schema: { type: 'string', enum: ['true', 'false'] },
      },
    },
  })
  @ApiCommonErrors()
  @ApiProblem(403, '无权 (not an auditor or the office, or the subject lies outside the caller’s scope).')
  @ApiProblem(404, '不存在 (no such hazard, campaign, registry unit, accident or enforcement case in the ledgers).')
  async exportBundle(
    @Param('kind', ParseBundleKindPipe) kind: BundleSubjectKind,
    @Param('id', ParseBundleSubjectIdPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res() res: Response,
  ): Promise<void> {
    // Checked and written first: a refusal or a missing subject is a problem+json answer, not a broken download.
    const bundle = await this.bundles.export(kind, id, actor);
    try {
      res.setHeader('Content-Type', BUNDLE_ZIP_MEDIA_TYPE);
      res.setHeader('Content-Disposition', `attachment; filename="${bundle.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(bundle.filename)}`);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader(ROOT_DIGEST_HEADER, bundle.rootDigest);
      res.setHeader(SIGNED_HEADER, String(bundle.signed));
      await zipBundle(bundle.dir, res);
    } catch (error) {
      // The status line is sent: the client can only be told by a cut connection (its zip is incomplete).
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      await bundle.remove();
    }
  }
}
