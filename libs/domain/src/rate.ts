/**
 * The one rate rule (完成率/覆盖率/及时率): part ÷ whole, or null when there is nothing to
 * measure (whole = 0). Null is not a number on purpose: each caller says what "nothing was
 * owed" means for it, in one visible `??` with its reason — a unit that owed nothing has met
 * everything it owed (1); a region × industry cell with no unit in it is a blind spot (0).
 */
export function rate(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || part < 0 || whole < 0) {
    throw new RangeError(`rate needs counts ≥ 0, got ${part}/${whole}`);
  }
  return whole === 0 ? null : part / whole;
}
