import { describe, expect, it } from "vitest";

import { isTheme, themeAttribute } from "@/lib/theme";

describe("colour scheme", () => {
  it("accepts only system, light and dark from the cookie", () => {
    expect(["system", "light", "dark"].every(isTheme)).toBe(true);
    expect(isTheme("blue")).toBe(false);
    expect(isTheme(undefined)).toBe(false);
  });
  it("marks the root only when the reader chose a scheme", () => {
    expect(themeAttribute("system")).toBeUndefined();
    expect(themeAttribute("dark")).toBe("dark");
    expect(themeAttribute("light")).toBe("light");
  });
});
