import type { MessageTable } from '../types.js';

export const mapCommunes: MessageTable = {
  vi: {},
  en: {},
};
