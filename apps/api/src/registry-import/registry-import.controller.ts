import { Controller, HttpStatus, Post, Query, Res, UploadedFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { REGISTRY_PERMISSIONS, type Actor } from '@duban/domain';
import type { RegistryImportResult } from '@duban/registry-import';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { UploadRoute } from '../http/upload-route.decorator';
import { RegistryImportQuery } from './dto/registry-import.query';
import { REGISTRY_IMPORT_FIELD, REGISTRY_IMPORT_MAX_BYTES, REGISTRY_IMPORT_UPLOAD } from './registry-import-upload';
import type { UploadedImportFile } from '../http/uploaded-file';
import { RegistryImportService } from './registry-import.service';
import { RegistryImportResultView } from './views/registry-import-result.view';

@ApiTags('registry 单位库')
@ApiBearerAuth()
@Controller('registry/imports')
export class RegistryImportController {
  constructor(private readonly imports: RegistryImportService) {}

  @Post()
  // Checking a file reads the registry's reference data; the commit is refused (403) to all but the office.
  @Permit(REGISTRY_PERMISSIONS, 'read_reference')
  @UploadRoute(REGISTRY_IMPORT_FIELD, REGISTRY_IMPORT_UPLOAD)
  @ApiOperation({
    summary: 'Import the registry from a file 单位库批量导入',
    description:
      'Uploads an .xlsx (sheets 属地/regions, 行业/industries, 单位/units, 责任人/people; the template: `npm run duban -- registry template`) or a .csv (one kind). ' +
      'Every row is checked first (the domain’s rules, references to regions, industries and units in the file or the registry, no id twice); every fault is listed with its row, column and reason (zh + en). ' +
      '`dryRun=true` stops there (试运行). Otherwise (office only) all rows are written in ONE transaction, or none when any row is faulty; rows equal to the current record write no new version, so importing the same file again changes nothing.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [REGISTRY_IMPORT_FIELD],
      // The file and nothing else: a part under another name is refused by the upload parser.
      additionalProperties: false,
      properties: {
        [REGISTRY_IMPORT_FIELD]: {
          type: 'string',
          format: 'binary',
          description: `The .xlsx or .csv file, at most ${REGISTRY_IMPORT_MAX_BYTES / 1024 / 1024} MB.`,
        },
      },
    },
  })
  @ApiOkResponse({
    description:
      '未写入 (nothing written): a dry run (`errors` lists every fault, or `counts` what a commit would write), or a commit refused because of faulty rows (`committed: false`, every fault in `errors`).',
    type: RegistryImportResultView,
  })
  @ApiCreatedResponse({
    description: '已导入 (committed): every row written in one transaction; `counts` what was written.',
    type: RegistryImportResultView,
  })
  @ApiProblem(413, `文件过大 (\`request.too_large\`): more than ${REGISTRY_IMPORT_MAX_BYTES / 1024 / 1024} MB.`)
  @ApiCommonErrors()
  async import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedImportFile | undefined,
    @Query() query: RegistryImportQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RegistryImportResult> {
    const result = await this.imports.import(actor, file, query);
    // The run itself succeeded either way: whether rows were written is `committed`, the faults are `errors`.
    res.status(result.committed ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }
}
