import type { FormTranslation } from './en.js';

export const formFi: FormTranslation = {
  required: 'Täytä tämä kenttä.',
  requiredChoice: 'Valitse jokin vaihtoehdoista.',
};
