import { invalid } from '../rejection';
import type { RegionLevel } from './region';

/**
 * 行政区划代码: six digits for a county and above (2 digits province, 2 city, 2 county; a level's
 * own positions non-zero, those below it zero), nine or twelve for a town (乡镇/街道), prefixed by
 * its county's six. Below a parent with a code, the code must begin with the parent's part.
 */
export function checkRegionCode(code: string | null | undefined, level: RegionLevel, parentCode: string | null): void {
  if (code === undefined || code === null) return;
  const refuse = (why: string) => invalid('registry.region.code_malformed', 'code', `code ${JSON.stringify(code)}: ${why}`);
  if (level === 'town') {
    if (!/^(\d{9}|\d{12})$/.test(code)) throw refuse('a town (乡镇/街道) has 9 or 12 digits');
    if (parentCode !== null && code.slice(0, 6) !== parentCode) throw mismatch(code, parentCode, 6);
    return;
  }
  if (!/^\d{6}$/.test(code)) throw refuse('a province, city or county has 6 digits');
  const own = { province: 2, city: 4, county: 6 }[level];
  if (/^0+$/.test(code.slice(own - 2, own))) throw refuse(`digits ${own - 1}–${own} name the ${level} and cannot be 00`);
  if (!/^0*$/.test(code.slice(own))) throw refuse(`the digits after the ${level}'s part must be 0`);
  const parentPart = own - 2;
  if (parentCode !== null && parentPart > 0 && code.slice(0, parentPart) !== parentCode.slice(0, parentPart))
    throw mismatch(code, parentCode, parentPart);
}

function mismatch(code: string, parentCode: string, digits: number) {
  return invalid(
    'registry.region.code_parent_mismatch',
    'code',
    `code ${code} must begin with the parent's ${parentCode.slice(0, digits)} (its first ${digits} digits)`,
  );
}
