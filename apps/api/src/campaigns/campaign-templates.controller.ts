import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CAMPAIGN_TEMPLATE_PERMISSIONS, type Actor } from '@duban/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Permit } from '../auth/permit.decorator';
import { ApiCommonErrors, ApiProblem } from '../http/api-responses.decorator';
import { answerCreated, locationHeader } from '../http/created';
import { ID_PARAM_SCHEMA, ParseTemplateIdPipe } from '../http/id-params.pipe';
import { CampaignTemplatesService, type CampaignTemplateEntry } from './campaign-templates.service';
import { CampaignTemplateDto } from './dto/campaign-template.dto';
import { CampaignTemplateEntryView } from './views/campaign-template.view';

@ApiTags('campaign templates 专项行动模板')
@ApiBearerAuth()
@Controller('campaign-templates')
export class CampaignTemplatesController {
  constructor(private readonly templates: CampaignTemplatesService) {}

  @Get()
  @Permit(CAMPAIGN_TEMPLATE_PERMISSIONS, 'read')
  @ApiOperation({
    summary: 'Campaign templates 专项行动模板: shipped (系统内置) and office-created (自定义)',
    description:
      'The four shipped templates (百日安全生产活动, 安全生产大检查, 隐患大排查, 安全生产月) are editable defaults: copy one, change it, post it under a new id.',
  })
  @ApiOkResponse({ type: [CampaignTemplateEntryView] })
  @ApiCommonErrors()
  list(): Promise<CampaignTemplateEntry[]> {
    return this.templates.list();
  }

  @Get(':id')
  @Permit(CAMPAIGN_TEMPLATE_PERMISSIONS, 'read')
  @ApiOperation({ summary: 'One template 模板详情' })
  @ApiParam({ name: 'id', description: '模板编号 (template id).', schema: ID_PARAM_SCHEMA })
  @ApiOkResponse({ type: CampaignTemplateEntryView })
  @ApiCommonErrors()
  @ApiProblem(404, '模板不存在 (template not found, `resource.not_found`).')
  get(@Param('id', ParseTemplateIdPipe) id: string): Promise<CampaignTemplateEntry> {
    return this.templates.get(id);
  }

  @Post()
  @Permit(CAMPAIGN_TEMPLATE_PERMISSIONS, 'post')
  @ApiOperation({
    summary: 'Post a template 自定义模板 (office 安委办 only)',
    description:
      'Checked in full before it is stored: a 400 names the offending field exactly (e.g. `phases[1].duration.amount`, `reports[0].cutoff`); unknown fields are refused by name. Templates are never overwritten: an id already used by a shipped or stored template is a 409.',
  })
  @ApiCreatedResponse({
    description: 'Stored (已保存); `Location: /campaign-templates/{id}`.',
    type: CampaignTemplateEntryView,
    headers: locationHeader('template'),
  })
  @ApiCommonErrors()
  @ApiProblem(409, '模板编号已存在 (template id already in use: `campaign.template.id_taken`, `campaign.template.shipped_id`).')
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CampaignTemplateDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignTemplateEntry> {
    const entry = await this.templates.create(actor, dto);
    answerCreated(res, `/campaign-templates/${encodeURIComponent(entry.template.id)}`);
    return entry;
  }
}
