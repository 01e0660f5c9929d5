import type { KitTranslation } from './en.js';

export const kitFi: KitTranslation = {
  joinCode: {
    heading: 'Osallistu osoitteessa',
    qr: (address) => `QR-koodi osoitteeseen ${address}`,
  },
  chart: {
    item: 'Kohde',
    value: 'Arvo',
  },
};
