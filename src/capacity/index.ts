/** Capacity search: findCapacity() and what it returns. */
export { findCapacity } from './find-capacity.js';
export { fitUsl, uslThroughput } from './usl-fit.js';
export type { CapacityOptions, CapacitySla, LevelRange } from './capacity-options.js';
export type { CapacityResult, LevelSummary } from './capacity-types.js';
export type { SlaLineVerdict } from './judge-level.js';
export type { Attribution } from './attribute.js';
export type { ResourceReading } from './resource-readings.js';
export type { UslFit } from './usl-fit.js';
