import { describe, expect, it, vi } from 'vitest';
import { DvcError, ExitCode, isDvcError } from './errors.js';

describe('isDvcError', () => {
  it('recognises an error made by a second copy of the module, which instanceof does not', async () => {
    vi.resetModules();
    const copy = await import('./errors.js');
    vi.resetModules();
    const foreign = new copy.DvcError('cli.internal', {}, ExitCode.Internal);
    expect(copy.DvcError).not.toBe(DvcError);
    expect(foreign instanceof DvcError).toBe(false);
    expect(isDvcError(foreign)).toBe(true);
  });

  it('says no to other errors and to look-alikes without the brand', () => {
    expect(isDvcError(new DvcError('cli.internal'))).toBe(true);
    expect(isDvcError(new Error('x'))).toBe(false);
    expect(isDvcError({ key: 'cli.internal', params: {}, exitCode: 2, name: 'DvcError' })).toBe(false);
    expect(isDvcError(null)).toBe(false);
    expect(isDvcError('DvcError')).toBe(false);
  });
});
