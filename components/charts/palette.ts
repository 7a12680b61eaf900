/**
 * Series colours, in the order series are drawn: CSS variables (`--chart-1` … in globals.css), so
 * light and dark schemes each have their own distinguishable set, the way shadcn's chart config
 * colours Recharts.
 */
const PALETTE_SIZE = 14;
export const colorAt = (i: number) => `var(--chart-${(i % PALETTE_SIZE) + 1})`;

/** The chart chrome: grid lines and axis labels. */
export const CHART_GRID = "var(--chart-grid)";
export const CHART_AXIS = "var(--chart-axis)";
