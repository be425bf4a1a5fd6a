import { describe, expect, it } from 'vitest';
import { escapeControls } from './escape-controls.js';

describe('server text on a terminal', () => {
  it('escapes ESC sequences, BEL, C1 controls and bidi overrides; keeps tabs, newlines and Vietnamese', () => {
    const out = escapeControls('x\u001b[2J\u001b]0;owned\u0007y\u009b31m\u202Ez\tw\nHạc Thành');
    expect(out).toBe('x\\u{1b}[2J\\u{1b}]0;owned\\u{07}y\\u{9b}31m\\u{202e}z\tw\nHạc Thành');
    expect(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(out)).toBe(false);
  });
});
