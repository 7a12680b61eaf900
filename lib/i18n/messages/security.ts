import { defineMessages } from "./define";

/** Sign-in lockouts, passwords, the audit log. */
const en = {
  "security.locked": "Sign-in locked until {until}",
  "security.unlock": "Unlock sign-in",
  "security.unlocked": "{email} can sign in again.",
};

const zh: Record<keyof typeof en, string> = {
  "security.locked": "登录已锁定，至 {until}",
  "security.unlock": "解除登录锁定",
  "security.unlocked": "{email} 可以重新登录。",
};

export const security = defineMessages({ en, zh });
