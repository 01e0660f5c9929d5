/** Texts shared by the form-associated elements in English; the shape every language must have. */
export const formEn = {
  /** The browser shows it beside a required control that has no value. */
  required: 'Fill in this field.',
  /** The same for a control where the participant picks among options. */
  requiredChoice: 'Select one of the options.',
};

export type FormTranslation = typeof formEn;
