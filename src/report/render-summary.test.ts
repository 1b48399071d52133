import { describe, expect, it } from 'vitest';
import { mdCell } from './markdown.js';

describe('markdown cells', () => {
  it('keeps names from the analysed repository from breaking tables or injecting HTML', () => {
    expect(mdCell('a|b\nc<script>')).toBe('a\\|b c&lt;script>');
  });
});
