export const compare = {
  en: {},
  zh: {},
} satisfies Record<"en" | "zh", Record<string, string>>;
