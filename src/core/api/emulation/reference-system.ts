import type { MockPolicy } from '../mock-province.js';
import { jsonAnswer, type EmulatedSystem, type MockHttpAnswer, type MockOutcome } from './emulation.js';

/**
 * dvc's recommendation for vendors, and `dvc mock-api`'s default: HTTP 200 `{"error_code", "message"}` for every
 * business answer (0 accepted, 1 already exists / no matching notice / a bill, -1 invalid), 401 for bad credentials.
 * Judged: every 2xx, the type's own code field, 0 accepted, 1 "already exists"; an array answer passes when every
 * element does.
 */

/** The rules of DOMAIN.md: a duplicate notice and a receipt without its notice are refused with 1. */
export const REFERENCE_POLICY: MockPolicy = {
  duplicateNotice: 'refuse',
  receiptWithoutNotice: 'refuse',
  unknownDossier: 'ignore',
};

function answer(o: MockOutcome): MockHttpAnswer {
  switch (o.kind) {
    case 'answer':
      return jsonAnswer(200, { error_code: o.answer.error_code, message: o.text }, o.answer.error_code);
    case 'invalid':
      return jsonAnswer(200, { error_code: -1, message: o.reason }, -1);
    case 'unparseable':
      return jsonAnswer(200, { error_code: -1, message: o.reason }, -1);
    case 'unauthorised':
      return {
        ...jsonAnswer(401, { error_code: -1, message: 'Unauthorized' }, -1),
        headers: { 'www-authenticate': o.auth === 'basic' ? 'Basic realm="dvc mock-api"' : 'Bearer' },
      };
    case 'internal':
      return jsonAnswer(500, { error_code: -1, message: o.reason }, -1);
  }
}

export const referenceSystem: EmulatedSystem = {
  title: 'mock.emulation.reference',
  convention: {
    source: 'dvc mock-api --emulate reference',
    array: 'every',
    duplicateCodes: [1],
  },
  policy: REFERENCE_POLICY,
  unreadableKeyedBody: 'unauthorised',
  checkRequest: (_role, _bound, schema) => schema(),
  answer,
};
