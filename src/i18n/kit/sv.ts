import type { KitTranslation } from './en.js';

export const kitSv: KitTranslation = {
  joinCode: {
    heading: 'Delta på',
    qr: (address) => `QR-kod till ${address}`,
  },
  chart: {
    item: 'Post',
    value: 'Värde',
  },
};
