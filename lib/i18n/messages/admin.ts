export const admin = {
  en: {},
  zh: {},
} satisfies Record<"en" | "zh", Record<string, string>>;
