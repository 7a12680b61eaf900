import { intBetween, pick, type Rng } from "./random";

/** Readable, deterministic Chinese headlines and account names. */

const TOPICS = [
  "城市更新",
  "新能源车",
  "咖啡经济",
  "AI 写作",
  "县城消费",
  "露营",
  "预制菜",
  "二手房",
  "银发旅游",
  "国潮品牌",
  "早餐店",
  "地铁通勤",
  "夜市",
  "短剧",
  "博物馆",
];
const NOUNS = ["细节", "答案", "变化", "机会", "误区", "方法", "故事", "数据", "真相", "清单"];
const SUBJECTS = [
  "年轻人",
  "小店老板",
  "上班族",
  "父母们",
  "外卖骑手",
  "大学生",
  "设计师",
  "程序员",
  "新手妈妈",
  "退休老师",
];
const PREDICATES = [
  "开始存钱了",
  "都在学做饭",
  "不再买房",
  "爱上了逛公园",
  "把周末留给自己",
  "换了一种活法",
  "悄悄转行",
  "重新读书",
];
const CITIES = ["上海", "成都", "杭州", "西安", "长沙", "厦门", "青岛", "重庆", "苏州", "昆明"];
const SEASONS = ["春天", "夏夜", "秋日", "冬至", "周末", "清晨"];
const PHRASES = [
  "一份不完整的观察",
  "我们采访了 12 个人",
  "值得收藏",
  "写给刚入行的你",
  "一张图看懂",
  "附完整清单",
  "这次不一样",
  "你可能想错了",
];
const SERIES = ["早读", "周报", "深度", "观察", "实验室", "问答"];

export function headline(rng: Rng): string {
  switch (intBetween(rng, 0, 5)) {
    case 0:
      return `${pick(rng, TOPICS)}｜${pick(rng, PHRASES)}`;
    case 1:
      return `关于${pick(rng, TOPICS)}的 ${intBetween(rng, 3, 12)} 个${pick(rng, NOUNS)}`;
    case 2:
      return `为什么${pick(rng, SUBJECTS)}${pick(rng, PREDICATES)}？`;
    case 3:
      return `${pick(rng, CITIES)}的${pick(rng, SEASONS)}：${pick(rng, PHRASES)}`;
    case 4:
      return `${pick(rng, SERIES)}｜${pick(rng, SUBJECTS)}${pick(rng, PREDICATES)}`;
    default:
      return `${intBetween(rng, 1, 12)}月${intBetween(rng, 1, 28)}日${pick(rng, SERIES)}：${pick(rng, TOPICS)}的${pick(rng, NOUNS)}`;
  }
}

const ACCOUNT_NAMES = [
  "晨读财经",
  "城市漫游指南",
  "小镇青年观察",
  "科技前哨站",
  "周末去哪儿",
  "一颗柠檬的厨房",
  "深夜读书会",
  "育儿那些事",
  "老友记运动",
  "设计日课",
];

export function accountName(index: number): string {
  const base = ACCOUNT_NAMES[(index - 1) % ACCOUNT_NAMES.length] ?? "模拟公众号";
  const round = Math.floor((index - 1) / ACCOUNT_NAMES.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}
