export const organisations = {};
