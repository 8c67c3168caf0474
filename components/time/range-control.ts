/** The props of a page's time-range control: a preset or an absolute range, and the range either resolves to now. */
export type RangeControlProps<Preset extends string> = {
  preset: Preset;
  absolute: { from: number; to: number } | null;
  resolved: { from: number; to: number };
  onPreset: (preset: Preset) => void;
  onAbsolute: (from: number, to: number) => void;
};
