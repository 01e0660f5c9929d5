import type { FormTranslation } from './en.js';

export const formSv: FormTranslation = {
  required: 'Fyll i det här fältet.',
  requiredChoice: 'Välj ett av alternativen.',
};
