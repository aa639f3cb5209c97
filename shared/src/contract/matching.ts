export const matching = {};
