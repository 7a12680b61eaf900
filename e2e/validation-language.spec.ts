import { expect, test } from "@playwright/test";

import { addDaysIso } from "../lib/dates";
import { E2E, setLocale, signIn } from "./fixtures";

/**
 * The one error shape in the reader's language (the language switch's cookie, else the
 * browser's): data routes and server actions validate with Chinese messages for a Chinese reader.
 */
const yesterday = addDaysIso(E2E.today, -1);

test("a data route answers bad input in the reader's language", async ({ page }) => {
  await signIn(page, "admin", "zh");
  const bad = "/api/views/overview?account=1&from=2026-11-31&to=2026-11-07";
  const zh = await page.request.get(bad);
  expect(zh.status()).toBe(400);
  expect((await zh.json()).error).toEqual({
    code: "invalid",
    message: "输入有误。from：日期须写作 YYYY-MM-DD",
    fields: { from: ["日期须写作 YYYY-MM-DD"] },
  });
  const unknown = await page.request.get("/api/export/nothing?format=csv");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.message).toBe("没有名为“nothing”的数据视图。");

  await setLocale(page, "en");
  const en = await page.request.get(bad);
  expect((await en.json()).error.message).toBe("Invalid input. from: must be a date written YYYY-MM-DD");
  await page.context().clearCookies({ name: "readout-locale" });
  const byBrowser = await page.request.get(bad, { headers: { "accept-language": "zh-CN,zh;q=0.9" } });
  expect((await byBrowser.json()).error.fields).toEqual({ from: ["日期须写作 YYYY-MM-DD"] });
});

test("a form shows a server action's field message in Chinese", async ({ page }) => {
  await signIn(page, "manager", "zh");
  await page.goto("/accounts/1");
  const form = page.getByTestId("backfill-form");
  await form.locator('input[name="from"]').fill("2026-11-01");
  await page.evaluate(() =>
    document.querySelector<HTMLInputElement>('[data-testid="backfill-form"] input[name="to"]')?.removeAttribute("max"),
  );
  await form.locator('input[name="to"]').fill(E2E.today);
  await page.getByTestId("backfill-start").click();
  const error = page.getByTestId("sync-error");
  await expect(error).toHaveAttribute("data-code", "invalid");
  await expect(error).toContainText(`输入有误。to：微信最新只提供昨天（${yesterday}）的数据`);
});
