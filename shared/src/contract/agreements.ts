export const agreements = {};
