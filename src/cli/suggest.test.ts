import { describe, expect, it } from 'vitest';
import { suggest } from './suggest.js';

describe('suggest', () => {
  it('proposes the closest name for a typo and nothing for an unrelated word', () => {
    expect(suggest('map-comunes', ['map-communes', 'test-api', 'evidence'])).toBe('map-communes');
    expect(suggest('--jsn', ['--json', '--lang'])).toBe('--json');
    expect(suggest('xyzzy-foo-bar', ['map-communes', 'test-api'])).toBeUndefined();
  });
});
