import { expect, test } from "@playwright/test";

test("the home page renders from the database", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Readout" })).toBeVisible();
  // A fresh data folder has no accounts: the page says how to add one.
  await expect(page.getByTestId("no-accounts")).toContainText("npm run accounts -- add");
});
