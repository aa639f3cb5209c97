import { Initial1795443776172 } from './1795443776172-Initial';

/** Every migration, in order; the server runs pending ones at start. */
export const MIGRATIONS = [Initial1795443776172];
