import type { Actor } from '@duban/domain';

/** The callers the HTTP specs sign tokens for: one of each role, and two units. */
export const office: Actor = { id: 'o-1', name: '安委办 李四', role: 'office' };
export const inspector: Actor = { id: 'i-1', name: '检查组 王五', role: 'inspector' };
export const auditor: Actor = { id: 'a-1', name: '纪委 赵六', role: 'auditor' };
export const unitA: Actor = { id: 'u-a', name: '甲公司 张三', role: 'unit', unitId: 'unit-a' };
export const unitB: Actor = { id: 'u-b', name: '乙公司 钱七', role: 'unit', unitId: 'unit-b' };
