import type { Actor, IndustryRecord, PersonRecord, RegionRecord, UnitRecord } from '@duban/domain';
import type { RegistryChange } from '../registry-write';

export const OFFICE: Actor = { id: 'o-1', name: '安委办 李四', role: 'office' };
export const T0 = new Date('2026-03-02T01:00:00.000Z');
const HOUR = 3600_000;
export const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
export const change = (hours: number, reason = '单位库维护'): RegistryChange => ({ actor: OFFICE, reason, at: at(hours) });

/** A small tree: 浙江省 › 杭州市 › 西湖区 › 西溪街道, under a prefix so that specs sharing a database do not collide. */
export function sampleTree(prefix: string) {
  const province: RegionRecord = { id: `${prefix}-zj`, name: '浙江省', level: 'province', parentId: null, code: '330000' };
  const city: RegionRecord = { id: `${prefix}-hz`, name: '杭州市', level: 'city', parentId: province.id, code: '330100' };
  const county: RegionRecord = { id: `${prefix}-xh`, name: '西湖区', level: 'county', parentId: city.id, code: '330106' };
  const town: RegionRecord = { id: `${prefix}-xx`, name: '西溪街道', level: 'town', parentId: county.id, code: '330106001' };
  const industry: IndustryRecord = { id: `${prefix}-chem`, name: '危险化学品', parentId: null };
  const unit: UnitRecord = {
    id: `${prefix}-ent`,
    name: '甲化工有限公司',
    kind: 'enterprise',
    regionId: town.id,
    industryId: industry.id,
    enterpriseKind: 'ordinary',
    status: 'producing',
    licensed: true,
    creditCode: null,
  };
  const person: PersonRecord = { id: `${prefix}-p`, name: '张三', post: '总经理', unitId: unit.id, phone: null, roles: ['principal'] };
  return { province, city, county, town, industry, unit, person };
}
