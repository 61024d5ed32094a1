import { describe, expect, it } from 'vitest';
import { rate } from './rate';

describe('rate', () => {
  it('divides the part by the whole', () => {
    expect(rate(3, 4)).toBe(0.75);
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 5)).toBe(1);
  });

  it('is null when nothing was owed, so each caller decides what that means', () => {
    expect(rate(0, 0)).toBeNull();
  });

  it('refuses counts that are not counts', () => {
    expect(() => rate(-1, 2)).toThrow(RangeError);
    expect(() => rate(1, Number.NaN)).toThrow(RangeError);
  });
});
