import { describe, expect, it } from 'vitest';
import { assertKnownTemplateFields } from './known-template-fields';
import { HUNDRED_DAY_DRIVE_TEMPLATE, SHIPPED_CAMPAIGN_TEMPLATES } from './shipped-templates';

describe('assertKnownTemplateFields', () => {
  it('passes the shipped templates and names an unknown field anywhere, with a prefix', () => {
    for (const template of SHIPPED_CAMPAIGN_TEMPLATES) expect(() => assertKnownTemplateFields(template)).not.toThrow();
    const typo = JSON.parse(JSON.stringify(HUNDRED_DAY_DRIVE_TEMPLATE));
    typo.escalation[2].afterMised = 5;
    expect(() => assertKnownTemplateFields(typo, 'template')).toThrow(
      expect.objectContaining({ kind: 'invalid', field: 'template.escalation[2].afterMised' }),
    );
    const span = JSON.parse(JSON.stringify(HUNDRED_DAY_DRIVE_TEMPLATE));
    span.phases[3].duration.unitz = 'days';
    expect(() => assertKnownTemplateFields(span)).toThrow(expect.objectContaining({ field: 'phases[3].duration.unitz' }));
  });

  it('says which fields are allowed where it refuses one', () => {
    const top = { ...JSON.parse(JSON.stringify(HUNDRED_DAY_DRIVE_TEMPLATE)), color: 'red' };
    expect(() => assertKnownTemplateFields(top)).toThrow(
      expect.objectContaining({
        field: 'color',
        message: expect.stringMatching(/^property color should not exist \(未知字段\); allowed here: id, name, kind/),
      }),
    );
  });
});
