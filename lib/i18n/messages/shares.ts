export const shares = {
  en: {},
  zh: {},
} satisfies Record<"en" | "zh", Record<string, string>>;
