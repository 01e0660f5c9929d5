/**
 * Texts of the element kit (`osa-join-code`, `osa-chart`) in English; the shape every language must have.
 * The kit's elements are shared by every activity's presenter view, so their texts live here, not in an activity's own file.
 */
export const kitEn = {
  joinCode: {
    heading: 'Join at',
    qr: (address: string) => `QR code for ${address}`,
  },
  chart: {
    item: 'Item',
    value: 'Value',
  },
};

export type KitTranslation = typeof kitEn;
