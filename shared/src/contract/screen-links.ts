export const screenLinks = {};
