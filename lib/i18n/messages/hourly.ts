export const hourly = {
  en: {},
  zh: {},
} satisfies Record<"en" | "zh", Record<string, string>>;
