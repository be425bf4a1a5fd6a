import type { EvidenceMsg } from './evidence-types.js';

/**
 * The title of a check item in words, for the bundle's index page ("Mục" column): the officer reading it never
 * sees an internal id such as `metadata.apis.tra-cuu.unreachable` or `folder.01`.
 */
export function itemLabel(id: string): EvidenceMsg {
  const [head, ...rest] = id.split('.');
  const tail = rest.join('.');
  switch (head) {
    case 'metadata': {
      if (rest.length === 0) return { key: 'evidence.label.metaFile' };
      if (rest[0] === 'apis')
        return rest.length > 1
          ? { key: 'evidence.label.api', params: { type: rest[1]! } }
          : { key: 'evidence.label.apis' };
      return { key: `evidence.label.meta.${rest[0]}` };
    }
    case 'folder':
      return { key: `evidence.label.folder.${tail}` };
    case 'test-api':
      return { key: 'evidence.label.testApi', params: { type: rest[0] ?? '' } };
    case 'file':
      return { key: 'evidence.label.file', params: { file: tail } };
    case 'privacy':
      return { key: 'evidence.label.privacy', params: { file: tail } };
    default:
      return { key: 'evidence.label.other' };
  }
}
