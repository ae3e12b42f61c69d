/** Supervision: overdue and at-risk cases with the duty and 追责情形 that apply, and the on-time rate. */
export { onTimeChartSvg, onTimeRate } from './chart.js';
export { type Supervision, supervise, type WatchedCase } from './dashboard.js';
export { type ApplicableSituation, applicableSituations, SITUATION_WORDS, type SituationMatch } from './situations.js';
