/** Distinguishable on white, in the order series are drawn. */
export const PALETTE = [
  "#07c160",
  "#1677ff",
  "#fa8c16",
  "#eb2f96",
  "#722ed1",
  "#13c2c2",
  "#8c8c8c",
  "#a0d911",
  "#f5222d",
  "#2f54eb",
];
export const colorAt = (i: number) => PALETTE[i % PALETTE.length]!;
