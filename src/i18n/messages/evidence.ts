import type { MessageTable } from '../types.js';

export const evidence: MessageTable = {
  vi: {},
  en: {},
};
