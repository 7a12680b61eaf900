import { describe, expect, it } from "vitest";

import { COMMON_PASSWORD_COUNT, isCommonPassword } from "@/lib/auth/common-passwords";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { newPasswordSchema, ownPasswordChangeSchema } from "@/lib/auth/password-rule";
import { safeParseIn } from "@/lib/i18n/zod";

const messages = (value: unknown, locale: "zh" | "en" = "en") =>
  safeParseIn(newPasswordSchema, value, locale).error?.issues.map((i) => i.message) ?? [];

describe("the password rule", () => {
  it("asks for at least MIN_PASSWORD_LENGTH (10) characters", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(messages("a".repeat(9) + "")).toEqual(["at least 10 characters"]);
    expect(messages("Zq7-mallow")).toEqual([]);
    expect(messages("x".repeat(201))).toHaveLength(1);
  });

  it("refuses the shipped common passwords, whatever their case", () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(5000);
    for (const common of ["1234567890", "qwertyuiop", "Basketball", "CHRISTOPHER", "1q2w3e4r5t"]) {
      expect(isCommonPassword(common)).toBe(true);
      expect(messages(common)).toEqual(["is one of the most common passwords; choose another"]);
    }
    expect(isCommonPassword("Zq7-mallow")).toBe(false);
  });

  it("speaks the reader's language", () => {
    expect(messages("short", "zh")).toEqual(["至少 10 个字符"]);
    expect(messages("Basketball", "zh")).toEqual(["是最常见的密码之一，请换一个"]);
  });

  it("the demo's passwords still pass, though sign-in never checks the rule", () => {
    for (const demo of ["demo-admin", "demo-manager", "demo-viewer"]) expect(messages(demo)).toEqual([]);
  });

  it("a change of one's own password needs the new one twice, the same", () => {
    const change = { currentPassword: "old", newPassword: "Zq7-mallow", confirmPassword: "Zq7-mallow" };
    expect(ownPasswordChangeSchema.safeParse(change).success).toBe(true);
    const typo = safeParseIn(ownPasswordChangeSchema, { ...change, confirmPassword: "Zq7-mallov" }, "zh");
    expect(typo.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["confirmPassword", "两次输入的新密码不一致"],
    ]);
  });
});
