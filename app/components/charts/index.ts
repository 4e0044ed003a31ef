// Charts of the attainment dashboards (issue 6). Each takes its slice of `Dashboard`, an `id`, an
// optional one-sentence `summary` (computed when left out), and an optional count `format` (e.g. a
// suppression formatter: see format.ts for how hidden counts are kept out of the charts).
export {
  LevelDistributionChart,
  summariseLevelDistribution,
  type LevelDistributionChartProps,
} from './level-distribution-chart'
export { HeatMap, heatMapBucket, summariseHeatMap, type HeatMapProps } from './heat-map'
export {
  CalibrationChart,
  formatDifferences,
  summariseCalibration,
  type CalibrationChartProps,
} from './calibration-chart'
export { ChangeChart, summariseChange, type ChangeChartProps } from './change-chart'
export { DivergingBarChart, divergingExtremes, type DivergingBarChartProps } from './diverging-bar-chart'
export { ProgressChart, summariseProgress, type ProgressChartProps } from './progress-chart'
export { formatCount, isShown, type CountFormat } from './format'
