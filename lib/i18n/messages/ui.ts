import { defineMessages } from "./define";

/** The shell's phone menu, colour scheme, skip link and the small helpers every page shares. */
export const ui = defineMessages({
  en: {
    "ui.skip": "Skip to content",
    "ui.menu": "Menu",
    "ui.closeMenu": "Close menu",
    "ui.theme": "Colours",
    "ui.theme.system": "System",
    "ui.theme.light": "Light",
    "ui.theme.dark": "Dark",
    "ui.more": "More",
    "ui.less": "Less",
    "ui.moreOf": "More figures of {title}",
    "ui.total": "Total",
    "ui.goHome": "Go to the overview",
  },
  zh: {
    "ui.skip": "跳到正文",
    "ui.menu": "菜单",
    "ui.closeMenu": "关闭菜单",
    "ui.theme": "配色",
    "ui.theme.system": "跟随系统",
    "ui.theme.light": "浅色",
    "ui.theme.dark": "深色",
    "ui.more": "更多",
    "ui.less": "收起",
    "ui.moreOf": "{title} 的更多数据",
    "ui.total": "合计",
    "ui.goHome": "回到概览",
  },
});
