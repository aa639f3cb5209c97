export const ceremony = {};
