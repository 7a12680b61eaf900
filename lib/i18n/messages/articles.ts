export const articles = {
  en: {},
  zh: {},
} satisfies Record<"en" | "zh", Record<string, string>>;
