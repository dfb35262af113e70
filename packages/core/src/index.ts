export * from './calendar/index.ts';
export * from './codes/index.ts';
export * from './errors.ts';
export * from './lifecycle/index.ts';
export * from './ports.ts';
export * from './timeliness/index.ts';
export * from './reuse/index.ts';
export * from './sync/ports.ts';
