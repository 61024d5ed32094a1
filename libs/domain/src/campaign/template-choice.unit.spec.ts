import { describe, expect, it } from 'vitest';
import { HUNDRED_DAY_DRIVE_TEMPLATE } from './shipped-templates';
import { chooseTemplate } from './template-choice';

describe('chooseTemplate (templateId xor an inline template)', () => {
  it('takes the one given', () => {
    expect(chooseTemplate({ templateId: 'hundred-day-drive' })).toEqual({ source: 'by_id', templateId: 'hundred-day-drive' });
    expect(chooseTemplate({ template: HUNDRED_DAY_DRIVE_TEMPLATE })).toEqual({ source: 'inline', template: HUNDRED_DAY_DRIVE_TEMPLATE });
  });

  it('refuses both or neither, naming templateId', () => {
    expect(() => chooseTemplate({ templateId: 'x', template: HUNDRED_DAY_DRIVE_TEMPLATE })).toThrow(
      expect.objectContaining({ kind: 'invalid', field: 'templateId', message: 'give either templateId or an inline template, not both' }),
    );
    expect(() => chooseTemplate({})).toThrow(
      expect.objectContaining({ kind: 'invalid', field: 'templateId', message: expect.stringMatching(/is required$/) }),
    );
  });
});
