import { TEST_API_DIR, folderOf, kindOfExtension } from './checklist.js';
import { xmlWellFormedEnough } from './file-sniff.js';
import { namesInText } from './personal-data.js';
import { parseTestApiResults } from './test-api-result.js';
import type { TextFacts } from './evidence-types.js';
import { stripBom } from '../text/utf8.js';

/**
 * What check and pack need of a small text file, learnt once while its text is in memory: whether it parses,
 * the test-api results it holds and the personal names it names. The text itself is then let go, so that a
 * folder of many text files costs a few bytes per file, not the files' size.
 */
export function textFacts(rel: string, text: string): TextFacts {
  const kind = kindOfExtension(rel);
  let wellFormed = true;
  if (kind === 'json') {
    try {
      JSON.parse(stripBom(text));
    } catch {
      wellFormed = false;
    }
  } else if (kind === 'xml') wellFormed = xmlWellFormedEnough(text);
  const isResult = folderOf(rel)?.dir === TEST_API_DIR && rel.toLowerCase().endsWith('.json');
  return {
    wellFormed,
    results: isResult && wellFormed ? parseTestApiResults(rel, text) : [],
    names: namesInText(text),
  };
}
