import { expect, test } from "@playwright/test";

import { expectedArticles } from "../test/helpers/expected";
import { appidOf, E2E, signIn, truth } from "./fixtures";
import { expectAccessible, expectNoSidewaysScroll, PAGES, type Scheme, settle } from "./ui";

/**
 * Every page in both languages and both colour schemes, at this project's viewport (desktop
 * 1440×900 and phone 390×844): a full-page screenshot under test-results/screenshots/, no
 * sideways page scroll, and axe-core finds no serious or critical WCAG A/AA violation.
 */
for (const locale of ["zh", "en"] as const) {
  for (const scheme of ["light", "dark"] as const satisfies Scheme[]) {
    test(`every page: screenshot, no sideways scroll, axe (${locale}, ${scheme})`, async ({ page }, info) => {
      test.setTimeout(600_000);
      const viewport = info.project.name === "phone" ? "phone" : "desktop";
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page, "admin", locale);
      const [first, second] = expectedArticles(truth, appidOf(1), "2026-11-01", "2026-11-20", E2E.today);
      const paths: Record<string, string> = {
        article: `/articles/1/${first!.msgid}`,
        compare: `/compare?a=1:${first!.msgid}&a=1:${second!.msgid}`,
      };
      for (const p of PAGES) {
        await page.goto(paths[p.name] ?? p.path);
        await settle(page);
        // The scheme really applies: the page's background follows it.
        const dark = await page.evaluate(() => {
          const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
          return r! + g! + b! < 200;
        });
        expect(dark, `${p.name}: ${scheme} background`).toBe(scheme === "dark");
        const label = `${p.name} ${viewport} ${locale} ${scheme}`;
        await page.screenshot({
          path: `test-results/screenshots/${p.name}-${viewport}-${locale}-${scheme}.png`,
          fullPage: true,
        });
        await expectNoSidewaysScroll(page, label);
        await expectAccessible(page, label);
      }
    });
  }
}
