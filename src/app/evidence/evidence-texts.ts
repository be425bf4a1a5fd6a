/**
 * The words of the evidence use cases come from a renderer the command chooses and hands down: the checklist and
 * procedure messages in the person's language (the bag's index page, a refusal's reasons), and in the form's
 * Vietnamese for bag-info.txt, which goes to the agency whatever the person reads.
 */
import type { EvidenceMsg } from '../../core/evidence/evidence-types.js';
import type { NationalState } from '../../core/evidence/procedure.js';

export interface EvidenceTexts {
  /** A message in the person's language. */
  message(m: EvidenceMsg): string;
  /** A message in the form's Vietnamese. */
  formMessage(m: EvidenceMsg): string;
  /** Where the province stands in the national procedure, in the person's language. */
  national(state: NationalState): string;
}
