/**
 * A digest's content written out for each destination: WeCom and DingTalk markdown, a Feishu
 * card, email HTML plus a CSV of the key figures. One text model (title + sections of lines),
 * in the digest's language, so every destination says the same thing.
 */

import { translator } from "@/lib/i18n/translate";
import { OVERVIEW_DAILY_TABLE } from "@/lib/views/tables/overview";

import type { DigestArticle, DigestContent, FigureChange, SyncProblem } from "./content";

type Language = DigestContent["language"];

export const formatCount = (value: number, language: Language) =>
  new Intl.NumberFormat(language === "zh" ? "zh-CN" : "en", { maximumFractionDigits: 1 }).format(value);

/** A relative change with its sign: +12.3% · −4% · 0%. */
export const formatChange = (value: number, language: Language) =>
  new Intl.NumberFormat(language === "zh" ? "zh-CN" : "en", {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(value);

export interface DigestLine {
  text: string;
  /** Worth drawing the eye to (anomalies, failures). */
  warn?: boolean;
}
export interface DigestText {
  title: string;
  sections: { heading: string; lines: DigestLine[] }[];
  footer: string;
}

/** One day's figure: its plain name, as the overview's daily table writes it. */
export const metricLabel = (c: DigestContent, metric: FigureChange["metric"]) => {
  const t = translator(c.language);
  const column = OVERVIEW_DAILY_TABLE.columns.find((k) => k.key === metric)!;
  return typeof column.header === "string" ? t(column.header) : column.header[c.language];
};

export function digestText(c: DigestContent, opts: { test?: boolean } = {}): DigestText {
  const t = translator(c.language);
  const n = (v: number) => formatCount(v, c.language);
  const pct = (v: number) => formatChange(v, c.language);
  const scope = c.accountCount > 1 ? `${c.scopeName} (${t("digest.accounts", { n: c.accountCount })})` : c.scopeName;

  const figures = c.figures.map((f): DigestLine => {
    const metric = metricLabel(c, f.metric);
    if (f.value === null) return { text: t("digest.figureMissing", { metric }) };
    const changes = [
      f.vsDayBefore !== null ? t("digest.vsDayBefore", { pct: pct(f.vsDayBefore) }) : null,
      f.vs7 !== null ? t("digest.vs7", { pct: pct(f.vs7) }) : null,
      f.vs30 !== null ? t("digest.vs30", { pct: pct(f.vs30) }) : null,
    ].filter((x) => x !== null);
    return {
      text: t("digest.figureLine", {
        metric,
        value: n(f.value),
        changes: changes.length ? changes.join(c.language === "zh" ? "，" : ", ") : t("digest.noComparison"),
      }),
    };
  });

  const article = (label: string, a: DigestArticle): DigestLine => {
    const line = t("digest.articleLine", {
      label,
      title: a.title,
      account: a.accountName,
      readers: a.readers === null ? "–" : n(a.readers),
      sharers: a.sharers === null ? "–" : n(a.sharers),
    });
    return {
      text: a.percentile === null ? line : `${line} · ${t("digest.percentile", { p: Math.round(a.percentile) })}`,
    };
  };
  const articles: DigestLine[] = [];
  if (c.best) articles.push(article(t("digest.best"), c.best));
  if (c.worst) articles.push(article(t("digest.worst"), c.worst));
  if (!articles.length) articles.push({ text: t("digest.noArticles") });

  const anomalies: DigestLine[] = [
    ...c.anomalies.map((a) => ({
      warn: true,
      text: t(a.z > 0 ? "digest.anomalyAbove" : "digest.anomalyBelow", {
        account: a.accountName,
        metric: metricLabel(c, a.metric),
        value: n(a.value),
        mean: n(a.mean),
        sigmas: formatCount(Math.abs(a.z), c.language),
      }),
    })),
    ...c.problems.map((p) => ({ warn: true, text: problemText(c.language, p) })),
  ];
  if (!anomalies.length) anomalies.push({ text: t("digest.noAnomalies") });

  return {
    title: `${opts.test ? t("digest.testPrefix") : ""}${t("digest.title", { scope, date: c.day })}`,
    sections: [
      { heading: t("digest.figures"), lines: figures },
      { heading: t("digest.articles", { n: c.articleCount }), lines: articles },
      { heading: t("digest.anomalies"), lines: anomalies },
    ],
    footer: t("digest.footer"),
  };
}

function problemText(language: Language, p: SyncProblem): string {
  const t = translator(language);
  const values = { account: p.accountName, endpoint: p.endpoint, error: p.error ?? "–" };
  if (p.kind === "retired") return t("digest.retired", values);
  if (p.kind === "quota") return t("digest.quota", values);
  return p.endpoint ? t("digest.syncFailed", values) : t("digest.runFailed", values);
}

/** Markdown control characters in WeChat titles and names would break the message. */
const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, "\\$1");

/** WeCom group robot: markdown (at most 4096 bytes), warnings in its "warning" colour. */
export function wecomMarkdown(text: DigestText): string {
  const lines = [`# ${mdEscape(text.title)}`];
  for (const s of text.sections) {
    lines.push("", `**${mdEscape(s.heading)}**`);
    for (const l of s.lines)
      lines.push(l.warn ? `> <font color="warning">${mdEscape(l.text)}</font>` : `> ${mdEscape(l.text)}`);
  }
  lines.push("", `<font color="comment">${mdEscape(text.footer)}</font>`);
  return lines.join("\n");
}

/** DingTalk robot: markdown (title is the notification preview). */
export function dingtalkMarkdown(text: DigestText): { title: string; text: string } {
  const lines = [`### ${mdEscape(text.title)}`];
  for (const s of text.sections) {
    lines.push("", `#### ${mdEscape(s.heading)}`);
    for (const l of s.lines) lines.push(`- ${l.warn ? `**${mdEscape(l.text)}**` : mdEscape(l.text)}`);
  }
  lines.push("", `> ${mdEscape(text.footer)}`);
  return { title: text.title, text: lines.join("\n") };
}

/** Feishu/Lark custom bot: an interactive card, a lark_md block per section. */
export function feishuCard(text: DigestText) {
  return {
    config: { wide_screen_mode: true },
    header: { template: "blue", title: { tag: "plain_text", content: text.title } },
    elements: [
      ...text.sections.map((s) => ({
        tag: "div",
        text: {
          tag: "lark_md",
          content: [`**${mdEscape(s.heading)}**`, ...s.lines.map((l) => `- ${mdEscape(l.text)}`)].join("\n"),
        },
      })),
      { tag: "note", elements: [{ tag: "plain_text", content: text.footer }] },
    ],
  };
}

const htmlEscape = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

export function emailHtml(text: DigestText, language: Language): string {
  const sections = text.sections
    .map(
      (s) =>
        `<h2 style="font-size:16px;margin:20px 0 8px">${htmlEscape(s.heading)}</h2><ul style="padding-left:20px;margin:0">${s.lines
          .map(
            (l) =>
              `<li style="margin:4px 0${l.warn ? ";color:#b45309;font-weight:600" : ""}">${htmlEscape(l.text)}</li>`,
          )
          .join("")}</ul>`,
    )
    .join("");
  return `<!doctype html><html lang="${language === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${htmlEscape(
    text.title,
  )}</title></head><body style="font-family:system-ui,sans-serif;color:#111;max-width:640px;margin:0 auto;padding:16px"><h1 style="font-size:20px">${htmlEscape(
    text.title,
  )}</h1>${sections}<p style="color:#666;font-size:12px;margin-top:24px">${htmlEscape(text.footer)}</p></body></html>`;
}

/** Plain-text alternative of the email. */
export function emailText(text: DigestText): string {
  return [
    text.title,
    ...text.sections.flatMap((s) => ["", s.heading, ...s.lines.map((l) => `- ${l.text}`)]),
    "",
    text.footer,
  ].join("\n");
}

/**
 * The key figures as CSV, written like every other export (lib/views/export-file.ts): UTF-8 with a
 * byte-order mark, changes as percentages, formula-like text escaped.
 */
