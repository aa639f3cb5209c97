export * from './domain';
export * from './api';
export * from './credit-code';
export * from './regions';
export * from './industries';
export * from './taxonomy';
export * from './money';
export * from './realtime';
