import type { MessageTable } from '../types.js';

export const doctor: MessageTable = {
  vi: {},
  en: {},
};
