export const participation = {};
