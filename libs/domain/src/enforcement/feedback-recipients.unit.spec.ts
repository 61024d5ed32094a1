import { describe, expect, it } from 'vitest';
import type { CompetentDepartmentRecord } from '../registry/competent-department';
import type { RegionRecord } from '../registry/region';
import type { UnitRecord } from '../registry/registry-unit';
import { resolveFeedbackRecipients, type FeedbackRegistryFacts } from './feedback-recipients';

const regions: RegionRecord[] = [
  { id: 'zj', name: '浙江省', level: 'province', parentId: null, code: null },
  { id: 'hz', name: '杭州市', level: 'city', parentId: 'zj', code: null },
  { id: 'xh', name: '西湖区', level: 'county', parentId: 'hz', code: null },
  { id: 'bs', name: '北山街道', level: 'town', parentId: 'xh', code: null },
];
const unitIn = (id: string, kind: UnitRecord['kind'], regionId: string, industryId: string | null = null): UnitRecord => ({
  id,
  name: id,
  kind,
  regionId,
  industryId,
  enterpriseKind: null,
  status: null,
  licensed: null,
  creditCode: null,
});
const link = (
  id: string,
  regionId: string,
  industryId: string,
  departmentUnitId: string,
  supervision: 'direct' | 'overall',
): CompetentDepartmentRecord => ({
  id,
  regionId,
  industryId,
  departmentUnitId,
  supervision,
});
const plant = unitIn('plant', 'enterprise', 'bs', 'chem-retail');
const facts = (over: Partial<FeedbackRegistryFacts> = {}): FeedbackRegistryFacts => ({
  unitId: 'plant',
  unit: plant,
  regions,
  industryPath: ['chemicals', 'chem-retail'],
  governments: [unitIn('town-gov', 'government', 'bs'), unitIn('xh-gov', 'government', 'xh'), unitIn('hz-gov', 'government', 'hz')],
  competentDepartments: [link('l-xh', 'xh', 'chem-retail', 'xh-commerce', 'direct')],
  ...over,
});

describe('resolveFeedbackRecipients (反馈县区政府、行业主管部门, from the registry)', () => {
  it('walks up from a town’s unit to its county: the county’s government (not the town’s or the city’s) and the county’s department', () => {
    expect(resolveFeedbackRecipients(facts())).toEqual({ countyGovernmentUnitId: 'xh-gov', industryDepartmentUnitId: 'xh-commerce' });
  });

  it('prefers 直接监管 over 综合监管 in one region, then the unit’s own industry over its parent grouping', () => {
    const overall = link('a-overall', 'xh', 'chem-retail', 'xh-safety', 'overall');
    const parentDirect = link('b-parent', 'xh', 'chemicals', 'xh-chem', 'direct');
    const ownDirect = link('c-own', 'xh', 'chem-retail', 'xh-commerce', 'direct');
    const pick = (links: CompetentDepartmentRecord[]) => resolveFeedbackRecipients(facts({ competentDepartments: links })).industryDepartmentUnitId;
    expect(pick([overall, parentDirect])).toBe('xh-chem');
    expect(pick([overall, parentDirect, ownDirect])).toBe('xh-commerce');
    expect(pick([overall])).toBe('xh-safety');
  });

  it('walks up the regions when the county has no department: the city’s before the province’s; another county’s never', () => {
    const province = link('p', 'zj', 'chemicals', 'zj-chem', 'direct');
    const city = link('c', 'hz', 'chemicals', 'hz-chem', 'overall');
    const otherCounty = link('o', 'gs', 'chem-retail', 'gs-commerce', 'direct');
    const pick = (links: CompetentDepartmentRecord[]) => resolveFeedbackRecipients(facts({ competentDepartments: links })).industryDepartmentUnitId;
    expect(pick([otherCounty, province, city])).toBe('hz-chem');
    expect(pick([otherCounty, province])).toBe('zj-chem');
    // A department of an industry the unit is not in (a sibling of its own) does not count.
    expect(() => pick([otherCounty, link('s', 'xh', 'chem-storage', 'xh-storage', 'direct')])).toThrow(
      expect.objectContaining({ code: 'covert.feedback.industry_department_missing', field: 'industryDepartmentUnitId' }),
    );
  });

  it('refuses naming the missing recipient: no county government, a unit above any county, a unit the registry lacks, a unit without industry', () => {
    const refused = (f: FeedbackRegistryFacts) => {
      try {
        resolveFeedbackRecipients(f);
      } catch (e) {
        return { code: (e as { code: string }).code, field: (e as { field: string }).field };
      }
      return undefined;
    };
    const county = { code: 'covert.feedback.county_government_missing', field: 'countyGovernmentUnitId' };
    expect(refused(facts({ governments: [unitIn('town-gov', 'government', 'bs'), unitIn('hz-gov', 'government', 'hz')] }))).toEqual(county);
    expect(refused(facts({ governments: [unitIn('xh-dept', 'department', 'xh')] }))).toEqual(county);
    expect(refused(facts({ unit: { ...plant, regionId: 'hz' } }))).toEqual(county);
    expect(refused(facts({ unit: undefined }))).toEqual({ code: 'covert.feedback.unit_unknown', field: 'unitId' });
    expect(refused(facts({ unit: { ...plant, industryId: null }, industryPath: [] }))).toEqual({
      code: 'covert.feedback.industry_department_missing',
      field: 'industryDepartmentUnitId',
    });
  });
});
