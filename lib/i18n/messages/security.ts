import { defineMessages } from "./define";

/** Sign-in lockouts, passwords, the audit log. */
const en = {
  "security.locked": "Sign-in locked until {until}",
  "security.unlock": "Unlock sign-in",
  "security.unlocked": "{email} can sign in again.",
  "security.audit.nav": "Audit log",
  "security.audit.title": "Audit log",
  "security.audit.action": "Action",
  "security.audit.allActions": "All actions",
  "security.audit.search": "Email, target or IP",
  "security.audit.filter": "Filter",
  "security.audit.empty": "Nothing recorded matches.",
  "security.audit.when": "When",
  "security.audit.who": "Who",
  "security.audit.what": "What",
  "security.audit.ip": "IP",
  "security.audit.newer": "Newer",
  "security.audit.older": "Older",
};

const zh: Record<keyof typeof en, string> = {
  "security.locked": "登录已锁定，至 {until}",
  "security.unlock": "解除登录锁定",
  "security.unlocked": "{email} 可以重新登录。",
  "security.audit.nav": "审计日志",
  "security.audit.title": "审计日志",
  "security.audit.action": "操作",
  "security.audit.allActions": "全部操作",
  "security.audit.search": "邮箱、对象或 IP",
  "security.audit.filter": "筛选",
  "security.audit.empty": "没有匹配的记录。",
  "security.audit.when": "时间",
  "security.audit.who": "用户",
  "security.audit.what": "对象",
  "security.audit.ip": "IP",
  "security.audit.newer": "较新",
  "security.audit.older": "较早",
};

export const security = defineMessages({ en, zh });
