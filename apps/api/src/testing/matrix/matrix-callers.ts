import type { Actor } from '@duban/domain';
import type { RegistryWrite } from '@duban/persistence';
import { auditor, inspector, office, unitA } from '../actors';
import type { Target } from './route-recipes';

// The scopes the matrix calls from (属地, 行业), over REGISTRY_SEED's 浙江省 › 杭州市 › 西湖区 330106 ›
// 北山街道 330106001 (unit-a, unit-b: chemicals), with MATRIX_SEED's next county 滨江区 330108 and
// the mining industry: each scoped role once inside the objects' territory and once outside it.
const IN = '330106';
const OUT = '330108';

export interface Caller {
  name: string;
  actor?: Actor;
  target: Target;
}

const unitIn = (regionId: string, unit: { id: string; name: string; kind: 'government' | 'department' }): RegistryWrite => ({
  kind: 'unit',
  op: 'put',
  record: { ...unit, regionId, industryId: null, enterpriseKind: null, status: null, licensed: null, creditCode: null },
});

/** Who a covert order at unit-a or unit-b is fed back to, as the registry holds it: 西湖区政府 and the county's 危化 department (直接监管). */
export const FEEDBACK_RECIPIENTS_SEED: RegistryWrite[] = [
  unitIn(IN, { id: 'county-gov', name: '西湖区人民政府', kind: 'government' }),
  unitIn(IN, { id: 'dept-chem', name: '西湖区应急管理局危化科', kind: 'department' }),
  {
    kind: 'competent_department',
    op: 'put',
    record: { id: 'cd-xh-chemicals', regionId: IN, industryId: 'chemicals', departmentUnitId: 'dept-chem', supervision: 'direct' },
  },
];

/** What the matrix adds to the registry's seed: the next county, a second industry, a county unit to add to the campaign, the feedback's recipients. */
export const MATRIX_SEED = [
  { kind: 'region', op: 'put', record: { id: OUT, name: '滨江区', level: 'county', parentId: '330100', code: OUT } },
  { kind: 'industry', op: 'put', record: { id: 'mining', name: '非煤矿山', parentId: null } },
  ...[
    {
      id: 'unit-d',
      name: '丁化工有限公司',
      kind: 'enterprise',
      industryId: 'chemicals',
      enterpriseKind: 'ordinary',
      status: 'producing',
      licensed: true,
    },
  ].map((unit) => ({ kind: 'unit', op: 'put', record: { ...unit, regionId: IN, creditCode: null } })),
  ...FEEDBACK_RECIPIENTS_SEED,
] as RegistryWrite[];

/** The office that launches the matrix's campaign: the county's (西湖区安委办), so that the next county's cannot decide on it. */
export const countyOffice: Actor = { id: 'o-xh', name: '西湖区安委办 周一', role: 'office', regionId: IN };

const scoped = (base: Actor, regionId: string, extra: Partial<Actor> = {}): Actor => ({ ...base, id: `${base.id}-${regionId}`, regionId, ...extra });
const department = (unitId: string, regionId: string, industryId: string): Actor => ({
  id: `d-${unitId}-${regionId}`,
  name: '行业主管部门 吴二',
  role: 'unit',
  unitId,
  regionId,
  industryId,
});

/** Every kind of caller; the offices last, so that their changes (closing the campaign, removing a unit) come after the others' calls. */
export const CALLERS: Caller[] = [
  { name: 'no token', target: 'own' },
  { name: 'auditor', actor: auditor, target: 'own' },
  { name: 'inspector', actor: inspector, target: 'own' },
  { name: 'unit on another unit’s object', actor: unitA, target: 'other' },
  { name: 'unit on its own unit', actor: unitA, target: 'own' },
  { name: 'auditor inside the territory', actor: scoped(auditor, IN), target: 'own' },
  { name: 'auditor outside the territory', actor: scoped(auditor, OUT), target: 'own' },
  { name: 'inspector inside the territory', actor: scoped(inspector, IN), target: 'own' },
  { name: 'inspector outside the territory', actor: scoped(inspector, OUT), target: 'own' },
  { name: 'department inside its industry', actor: department('dept-chem', IN, 'chemicals'), target: 'own' },
  { name: 'department outside its industry', actor: department('dept-mining', IN, 'mining'), target: 'own' },
  { name: 'department outside its territory', actor: department('dept-chem-next', OUT, 'chemicals'), target: 'own' },
  { name: 'office outside the territory', actor: scoped(office, OUT), target: 'own' },
  { name: 'office inside the territory', actor: countyOffice, target: 'own' },
  { name: 'office', actor: office, target: 'own' },
];
