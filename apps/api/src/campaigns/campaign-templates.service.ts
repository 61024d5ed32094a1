import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  assertKnownTemplateFields,
  canonicalJson,
  conflict,
  invalid,
  SHIPPED_CAMPAIGN_TEMPLATES,
  validateCampaignTemplate,
  type Actor,
  type CampaignTemplate,
} from '@duban/domain';
import { commandArgs } from '../http/command-args';
import { currentIdempotentRequest } from '../http/idempotency-context';
import { CAMPAIGN_TEMPLATE_STORE, type CampaignTemplateStore, type StoredCampaignTemplate } from './campaign-template-store';

/** A template as offered: shipped with Duban (editable default) or posted by an office. */
export interface CampaignTemplateEntry {
  origin: 'shipped' | 'office';
  template: CampaignTemplate;
  createdBy?: string;
  createdAt?: string;
}

/**
 * Campaign templates (专项行动模板): the four Duban ships plus those offices post. A posted
 * template is checked in full (the field named), and its id may not clash with any other.
 */
@Injectable()
export class CampaignTemplatesService {
  constructor(@Inject(CAMPAIGN_TEMPLATE_STORE) private readonly store: CampaignTemplateStore) {}

  async list(): Promise<CampaignTemplateEntry[]> {
    const stored = await this.store.list();
    return [
      ...SHIPPED_CAMPAIGN_TEMPLATES.map((template) => ({ origin: 'shipped' as const, template })),
      ...stored.map((s) => ({ origin: 'office' as const, template: s.template, createdBy: s.createdBy, createdAt: s.createdAt })),
    ];
  }

  async get(templateId: string): Promise<CampaignTemplateEntry> {
    const entry = await this.find(templateId);
    if (!entry) throw new NotFoundException(`campaign template ${templateId} not found`);
    return entry;
  }

  /** 自定义模板: office only (the controller's guard); 400 naming the field, 409 on an id already in use. */
  async create(actor: Actor, template: CampaignTemplate): Promise<CampaignTemplateEntry> {
    const plain = commandArgs(template);
    validateCampaignTemplate(plain);
    assertKnownTemplateFields(plain);
    if (SHIPPED_CAMPAIGN_TEMPLATES.some((t) => t.id === plain.id)) {
      throw conflict('campaign.template.shipped_id', `template id ${plain.id} is a shipped template's; copy it under a new id to change it`);
    }
    const stored = (await this.store.insert(plain, actor)) ?? (await this.storedByThisPost(plain, actor));
    if (!stored)
      throw conflict(
        'campaign.template.id_taken',
        `template id ${plain.id} is already in use; templates are never overwritten — post it under a new id`,
      );
    return { origin: 'office', template: stored.template, createdBy: stored.createdBy, createdAt: stored.createdAt };
  }

  /**
   * Under an Idempotency-Key: the same template the same poster already stored, answered again (a
   * retry, perhaps racing its own first attempt). Without a key, an id in use stays a 409.
   */
  private async storedByThisPost(template: CampaignTemplate, actor: Actor): Promise<StoredCampaignTemplate | undefined> {
    if (!currentIdempotentRequest()) return undefined;
    const stored = await this.store.get(template.id);
    return stored?.createdBy === actor.id && canonicalJson(stored.template) === canonicalJson(template) ? stored : undefined;
  }

  /** The template a launch names; unknown is a 400 naming `templateId`. */
  async resolve(templateId: string): Promise<CampaignTemplate> {
    const entry = await this.find(templateId);
    if (!entry) {
      const known = (await this.list()).map((e) => e.template.id);
      throw invalid('campaign.template.unknown', 'templateId', `unknown templateId ${JSON.stringify(templateId)}; known: ${known.join(', ')}`);
    }
    return entry.template;
  }

  private async find(templateId: string): Promise<CampaignTemplateEntry | undefined> {
    const shipped = SHIPPED_CAMPAIGN_TEMPLATES.find((t) => t.id === templateId);
    if (shipped) return { origin: 'shipped', template: shipped };
    const stored = await this.store.get(templateId);
    return stored && { origin: 'office', template: stored.template, createdBy: stored.createdBy, createdAt: stored.createdAt };
  }
}
