/** The API's clock in the campaign specs: 16:00 China Standard Time on the campaign's first day. */
export const NOW = new Date('2026-03-02T08:00:00.000Z');
