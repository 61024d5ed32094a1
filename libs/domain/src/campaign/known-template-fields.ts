import { invalid } from '../rejection';
import type { CampaignTemplate } from './campaign-template';

/** The fields of each part of a template; anything else is refused by name (like unknown body fields). */
type Shape = { fields: readonly string[]; nested?: Record<string, { shape: Shape; list: boolean }> };

const SPAN: Shape = { fields: ['amount', 'unit'] };
const TEMPLATE: Shape = {
  fields: [
    'id',
    'name',
    'kind',
    'description',
    'source',
    'phases',
    'reports',
    'targets',
    'coverage',
    'checkItems',
    'activities',
    'inspectionTiers',
    'escalation',
    'cascade',
  ],
  nested: {
    phases: {
      list: true,
      shape: {
        fields: ['id', 'name', 'duration', 'deliverables'],
        nested: {
          duration: { list: false, shape: SPAN },
          deliverables: { list: true, shape: { fields: ['id', 'name', 'dueAfter'], nested: { dueAfter: { list: false, shape: SPAN } } } },
        },
      },
    },
    reports: { list: true, shape: { fields: ['id', 'name', 'cadence', 'cutoff', 'weekday', 'phases', 'zeroReportAllowed'] } },
    targets: { list: true, shape: { fields: ['id', 'name', 'metric', 'threshold'] } },
    coverage: { list: false, shape: { fields: ['regions', 'units', 'industries'] } },
    checkItems: { list: true, shape: { fields: ['id', 'text'] } },
    activities: { list: true, shape: { fields: ['id', 'name', 'onDay', 'reportRequired'] } },
    inspectionTiers: { list: true, shape: { fields: ['id', 'name'] } },
    escalation: { list: true, shape: { fields: ['id', 'instrument', 'afterMissed'] } },
    cascade: {
      list: false,
      shape: {
        fields: ['setup', 'rollUps', 'escalation'],
        nested: {
          setup: { list: true, shape: { fields: ['id', 'name', 'dueAfter'], nested: { dueAfter: { list: false, shape: SPAN } } } },
          rollUps: { list: true, shape: { fields: ['id', 'name', 'cadence', 'cutoff', 'weekday', 'phases', 'zeroReportAllowed', 'rollUpOf'] } },
          escalation: { list: true, shape: { fields: ['id', 'instrument', 'afterMissed'] } },
        },
      },
    },
  },
};

function check(value: unknown, shape: Shape, path: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return; // the domain's validator names wrong types
  for (const key of Object.keys(value)) {
    if (!shape.fields.includes(key)) {
      const field = path ? `${path}.${key}` : key;
      throw invalid('input.unknown_field', field, `property ${field} should not exist (未知字段); allowed here: ${shape.fields.join(', ')}`);
    }
  }
  for (const [key, { shape: inner, list }] of Object.entries(shape.nested ?? {})) {
    const child = (value as Record<string, unknown>)[key];
    const at = path ? `${path}.${key}` : key;
    if (list) {
      if (Array.isArray(child)) child.forEach((entry, i) => check(entry, inner, `${at}[${i}]`));
    } else {
      check(child, inner, at);
    }
  }
}

/**
 * Refuses fields a template does not have, anywhere in it, naming the path the way the domain
 * does (`phases[0].deliverables[1].dueAftr`): a typo in an optional field would otherwise be
 * dropped without a word. `prefix` is prepended (e.g. `template` for a launch's inline one).
 */
export function assertKnownTemplateFields(template: CampaignTemplate, prefix = ''): void {
  check(template, TEMPLATE, prefix);
}
