import type { MessageTable } from '../types.js';

export const testApi: MessageTable = {
  vi: {},
  en: {},
};
