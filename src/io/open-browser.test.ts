import { describe, expect, it } from 'vitest';
import { browserCommand } from './open-browser.js';

describe('browserCommand', () => {
  const url = 'http://127.0.0.1:5000/r/abc_DEF-1';
  it('opens the address with the default browser of each system', () => {
    expect(browserCommand(url, 'linux')).toEqual({ file: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'darwin')).toEqual({ file: 'open', args: [url] });
    // The empty title: without it `start` takes a quoted first argument as the window title.
    expect(browserCommand(url, 'win32')).toEqual({ file: 'cmd', args: ['/c', 'start', '""', url] });
  });
});
