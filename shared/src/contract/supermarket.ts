export const supermarket = {};
