export const BEIJING_TZ = "Asia/Shanghai";
