import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3304";
const [w, h, scheme, locale] = [Number(process.argv[2] ?? 390), Number(process.argv[3] ?? 844), process.argv[4] ?? "light", process.argv[5] ?? "zh"];
const pages = (process.argv[6] ?? "/,/hourly,/shares,/articles,/compare,/accounts,/accounts/1,/users,/nope").split(",");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu"] });
const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
await ctx.addCookies([{ name: "readout-locale", value: locale, url: base }]);
const page = await ctx.newPage();
await page.goto(base + "/login");
await page.fill('input[name="email"]', "admin@demo.readout");
await page.fill('input[name="password"]', "demo-admin");
await page.click('button[type="submit"]');
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
for (const p of pages) {
  await page.goto(base + p);
  await page.waitForTimeout(2500);
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  const name = p.replace(/\W+/g, "_") || "root";
  await page.screenshot({ path: `/tmp/i10shots/${name}-${w}-${scheme}-${locale}.png`, fullPage: true });
  console.log(p, "scrollWidth", sw, sw > w ? "OVERFLOW" : "ok");
}
await browser.close();
