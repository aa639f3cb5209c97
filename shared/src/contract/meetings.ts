export const meetings = {};
