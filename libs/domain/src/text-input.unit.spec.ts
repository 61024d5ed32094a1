import { describe, expect, it } from 'vitest';
import { codePointLength, NON_BLANK_PATTERN, requiredText } from './text-input';

describe('text input', () => {
  // 65,536 characters: seconds on a loaded machine.
  it('reads blank exactly as trim() does, for every white-space character JavaScript knows', () => {
    const nonBlank = new RegExp(NON_BLANK_PATTERN);
    for (let c = 0; c <= 0xffff; c++) {
      const char = String.fromCharCode(c);
      expect(nonBlank.test(char), `U+${c.toString(16)}`).toBe(char.trim() !== '');
    }
  }, 60_000);

  it('counts characters as code points, as JSON Schema does: an emoji is one', () => {
    expect(codePointLength('隐患😀')).toBe(3);
    expect(requiredText('😀'.repeat(4), 'title', 4)).toBe('😀😀😀😀');
    expect(() => requiredText('😀'.repeat(5), 'title', 4)).toThrow(expect.objectContaining({ code: 'input.too_long', field: 'title' }));
    expect(() => requiredText('\u3000', 'title')).toThrow(expect.objectContaining({ code: 'input.required' }));
  });
});
