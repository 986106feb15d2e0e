// The date engine's public surface: the grammar (scanDates), a plan's placed and year-resolved dates
// (planDates), its timeline (planTimeline, plannedEndAtFor for CheckContext, plannedStages for the
// toggle hover), length comparison, calendar arithmetic and formatting. Pure: no I/O.
export * from './calendar';
export * from './format';
export { endAfter, readLength, type LengthReading } from './length';
export { lengthPairs, type LengthPair } from './pairs';
export { planDates, type DateMention, type DesiredRange, type PlanDates, type YearSource } from './planDates';
export { endpointYear, scanDates } from './scan';
export { plannedEndAtFor, plannedStages, planTimeline, type PlannedEnd, type StageWindow, type Timeline } from './timeline';
export type * from './types';
