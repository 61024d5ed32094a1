import { describe, expect, it } from 'vitest';
import type { ArgumentMetadata } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ProblemException } from '../../http/problem';
import { createApiValidationPipe } from '../../http/validation-errors';
import { ListHazardsQuery } from './list-hazards.query';
import { RectificationPlanDto } from './rectification-plan.dto';
import { ReportHazardDto } from './report-hazard.dto';
import { ReportProgressDto } from './report-progress.dto';
import { VerifyHazardDto } from './verify-hazard.dto';
import { DecideExtensionDto } from './decide-extension.dto';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true };

async function invalidFields<T extends object>(cls: new () => T, plain: object): Promise<string[]> {
  const errors = await validate(plainToInstance(cls, plain) as object, OPTIONS);
  const paths = (list: typeof errors, parent = ''): string[] =>
    list.flatMap((e) => {
      const path = parent ? `${parent}.${e.property}` : e.property;
      return [...(e.constraints ? [path] : []), ...paths(e.children ?? [], path)];
    });
  return paths(errors);
}

const pipe = createApiValidationPipe();

async function pipeError(metatype: new () => object, value: object, type: ArgumentMetadata['type'] = 'body'): Promise<Record<string, unknown>> {
  try {
    await pipe.transform(value, { type, metatype });
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem;
  }
  throw new Error('expected a validation error');
}

const goodReport = {
  title: '脚手架连墙件缺失',
  description: '3号楼外脚手架连墙件缺失 12 处',
  location: '3号楼',
  industry: '建筑施工',
  unitId: 'unit-001',
  grade: 'general',
  source: 'inspection',
  finder: '王五',
  deadline: '2030-01-01T00:00:00.000Z',
};

describe('hazard DTOs', () => {
  it('accepts a complete report', async () => {
    expect(await invalidFields(ReportHazardDto, goodReport)).toEqual([]);
    expect(await invalidFields(ReportHazardDto, { ...goodReport, campaignId: 'sweep-2026', policyId: 'standard-2026' })).toEqual([]);
  });

  it('names every missing or malformed report field', async () => {
    expect((await invalidFields(ReportHazardDto, {})).sort()).toEqual(
      ['deadline', 'description', 'finder', 'grade', 'industry', 'location', 'source', 'title', 'unitId'].sort(),
    );
    expect(await invalidFields(ReportHazardDto, { ...goodReport, grade: 'huge', deadline: 'next week', unitId: 'bad id!' })).toEqual([
      'unitId',
      'grade',
      'deadline',
    ]);
  });

  it('refuses fields that are not part of the report (e.g. a forged actor)', async () => {
    expect(await invalidFields(ReportHazardDto, { ...goodReport, actor: { role: 'office' } })).toEqual(['actor']);
  });

  it('lets a plan through with items missing (the domain lists all of 五到位 at once) but checks types, nested too', async () => {
    expect(await invalidFields(RectificationPlanDto, {})).toEqual([]);
    expect(await invalidFields(RectificationPlanDto, { responsiblePerson: 7, funds: { amountYuan: 'lots' } })).toEqual([
      'responsiblePerson',
      'funds.amountYuan',
    ]);
    expect(await invalidFields(RectificationPlanDto, { funds: { amountYuan: 1, source: 'x', bank: 'y' } })).toEqual(['funds.bank']);
  });

  it('checks progress, verification and extension decisions', async () => {
    expect(await invalidFields(ReportProgressDto, { text: '已完成 60%', percentComplete: 140, attachments: ['ok', 3] })).toEqual([
      'percentComplete',
      'attachments',
    ]);
    expect(await invalidFields(VerifyHazardDto, { decision: 'maybe', comment: '' })).toEqual(['decision', 'comment']);
    expect(await invalidFields(DecideExtensionDto, { approve: 'yes', reason: '同意' })).toEqual(['approve']);
  });

  it('the API pipe answers a 400 problem with every message, the first field and every field', async () => {
    const body = await pipeError(ReportHazardDto, { ...goodReport, grade: 'huge', title: '' });
    expect(body).toMatchObject({ status: 400, title: 'Bad Request', code: 'request.invalid', type: '/problems/request.invalid', field: 'title' });
    expect(body.errors).toEqual([
      { field: 'title', detail: 'title must not be empty or blank' },
      { field: 'grade', detail: 'grade must be one of general, major' },
    ]);
    expect(body.detail).toBe('title must not be empty or blank; grade must be one of general, major');

    const nested = await pipeError(RectificationPlanDto, { funds: { amountYuan: 'lots' } });
    expect(nested).toMatchObject({
      field: 'funds.amountYuan',
      errors: [{ field: 'funds.amountYuan', detail: expect.stringMatching(/^funds\.amountYuan must be a number/) }],
    });
  });

  it('names a missing required field as required, never as too long (item 7: the verification without a comment)', async () => {
    const body = await pipeError(VerifyHazardDto, { decision: 'accept', effectEvaluation: 'ok' });
    expect(body.errors).toEqual([{ field: 'comment', detail: 'comment is required' }]);
    const report = await pipeError(ReportHazardDto, { ...goodReport, title: undefined, deadline: undefined });
    expect(report.errors).toEqual([
      { field: 'title', detail: 'title is required' },
      { field: 'deadline', detail: 'deadline is required' },
    ]);
    // An optional field that is absent is not checked at all; one that is present is checked in full.
    expect(await invalidFields(VerifyHazardDto, { decision: 'accept', comment: 'ok' })).toEqual([]);
    expect((await pipeError(VerifyHazardDto, { decision: 'accept', comment: 'ok', effectEvaluation: 'x'.repeat(4001) })).errors).toEqual([
      { field: 'effectEvaluation', detail: 'effectEvaluation must be at most 4000 characters' },
    ]);
  });

  it('parses ledger query filters, and names a bad one', async () => {
    const parsed = (await pipe.transform(
      { overdue: 'true', listed: 'false', limit: '20', grade: 'major' },
      { type: 'query', metatype: ListHazardsQuery },
    )) as ListHazardsQuery;
    expect(parsed).toEqual(Object.assign(new ListHazardsQuery(), { overdue: true, listed: false, limit: 20, grade: 'major' }));
    const body = await pipeError(ListHazardsQuery, { overdue: 'yes', limit: '0', color: 'red' }, 'query');
    const errors = body.errors as Array<{ field: string; detail: string }>;
    expect(errors.map((e) => e.field).sort()).toEqual(['color', 'limit', 'overdue']);
    expect(errors.map((e) => e.detail)).toEqual(expect.arrayContaining(['overdue must be true or false', 'property color should not exist']));
  });
});
