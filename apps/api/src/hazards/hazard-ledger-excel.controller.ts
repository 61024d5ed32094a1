import { Controller, Get, HttpStatus, Inject, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HAZARD_PERMISSIONS, type Actor } from '@duban/domain';
import { writeLedgerTemplate, type HazardImportResult } from '@duban/hazard-import';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { ApiLedgerExport, ApiXlsxResponse, sendAsAttachment, sendLedgerExport } from '../http/ledger-export';
import { UploadRoute } from '../http/upload-route.decorator';
import { CLOCK } from '../config/api-config.tokens';
import type { UploadedImportFile } from '../http/uploaded-file';
import { HazardImportQuery } from './dto/hazard-import.query';
import { HazardLedgerExportQuery } from './dto/hazard-ledger-export.query';
import { HAZARD_IMPORT_FIELD, HAZARD_IMPORT_MAX_BYTES, HAZARD_IMPORT_UPLOAD } from './hazard-import-upload';
import { HazardImportService } from './hazard-import.service';
import { HazardLedgerExportService } from './hazard-ledger-export.service';
import { HazardImportResultView } from './views/hazard-import-result.view';

/**
 * The hazard ledger in Excel (隐患台账): export, template and import. Mounted before
 * HazardsController in the module, so `/hazards/ledger.xlsx` and `/hazards/imports/…` are
 * matched here before `/hazards/:id` could take them.
 */
@ApiTags('hazards 隐患排查治理')
@ApiBearerAuth()
@Controller('hazards')
export class HazardLedgerExcelController {
  constructor(
    private readonly exports: HazardLedgerExportService,
    private readonly imports: HazardImportService,
    @Inject(CLOCK) private readonly now: () => Date,
  ) {}

  @Get('ledger.xlsx')
  @Permit(HAZARD_PERMISSIONS, 'read')
  @ApiLedgerExport({
    summary: 'Export the hazard ledger as Excel 隐患台账导出 (.xlsx)',
    description:
      'Every row GET /hazards lists for the same filters and `sort` (no paging), in its order, within the caller’s scope (a unit token: its own unit only). ' +
      'Enumerated values in Chinese (重大隐患, 整改中 …); the layout is the import’s (GET /hazards/imports/template.xlsx).',
    name: '隐患台账',
  })
  async exportLedger(@CurrentActor() actor: Actor, @Query() query: HazardLedgerExportQuery, @Res() res: Response): Promise<void> {
    await sendLedgerExport(res, await this.exports.open(actor, query));
  }

  @Get('imports/template.xlsx')
  @Permit(HAZARD_PERMISSIONS, 'report')
  @ApiOperation({
    summary: 'The hazard ledger import template 隐患台账导入模板 (.xlsx)',
    description:
      'The export’s layout (sheet 隐患台账, the same columns) with one example row (its deadline 30 days on), and a guide sheet (填写说明) saying what each column takes and which ones the import ignores. Also: `npm run duban -- hazards template`.',
  })
  @ApiXlsxResponse('The template (隐患台账导入模板.xlsx).', '隐患台账导入模板.xlsx')
  @ApiCommonErrors()
  async template(@Res() res: Response): Promise<void> {
    sendAsAttachment(res, '隐患台账导入模板.xlsx', 'hazard-ledger-template.xlsx');
    await writeLedgerTemplate(res, { now: this.now() });
  }

  @Post('imports')
  @Permit(HAZARD_PERMISSIONS, 'report')
  @UploadRoute(HAZARD_IMPORT_FIELD, HAZARD_IMPORT_UPLOAD)
  @ApiOperation({
    summary: 'Import a hazard ledger 隐患台账导入 (.xlsx)',
    description:
      'Uploads an .xlsx in the export’s layout (sheet 隐患台账, or the first sheet; headers in Chinese or the English field names). ' +
      'Every row is checked first — its cells, no 隐患编号 twice, and for each row whose id the ledger does not hold yet the same admission POST /hazards applies (deadline in the future and within the policy, the caller’s territory; a unit only for itself) — and every fault is listed with its row, column, cell and reason (zh + en). ' +
      '`dryRun=true` stops there (试运行). Otherwise, when no row is faulty, each new row’s hazard workflow is started as POST /hazards starts one, the caller its reporter, under the row’s 隐患编号 (a blank one is derived from the row’s content): rows the ledger holds are skipped, so the same file imported again creates nothing, and an import cut off midway completes when the same file is imported again.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [HAZARD_IMPORT_FIELD],
      // The file and nothing else: a part under another name is refused by the upload parser.
      additionalProperties: false,
      properties: {
        [HAZARD_IMPORT_FIELD]: {
          type: 'string',
          format: 'binary',
          description: `The .xlsx file, at most ${HAZARD_IMPORT_MAX_BYTES / 1024 / 1024} MB.`,
        },
      },
    },
  })
  @ApiOkResponse({
    description:
      '未导入 (nothing started): a dry run (`errors` lists every fault, or `counts` what a commit would create), or a commit refused because of faulty rows (`committed: false`).',
    type: HazardImportResultView,
  })
  @ApiCreatedResponse({
    description: '已导入 (committed): every new row’s hazard started; `counts` says how many, and how many the ledger held already.',
    type: HazardImportResultView,
  })
  @ApiProblem(413, `文件过大 (\`request.too_large\`): more than ${HAZARD_IMPORT_MAX_BYTES / 1024 / 1024} MB.`)
  @ApiCommonErrors()
  async import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Query() query: HazardImportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HazardImportResult> {
    const result = await this.imports.import(actor, file, query);
    res.status(result.committed ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }
}
