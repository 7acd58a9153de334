import { describe, expect, it } from "vitest";
import { browserAvailable, expectAccessible, visit } from "./support/browser.js";
import { useKarvanInBrowser } from "./support/setup.js";

describe.runIf(browserAvailable)("service catalogue and workflow pages", () => {
  const bed = useKarvanInBrowser();

  it("leads from the list of services to a service and its workflow, every page accessible", async () => {
    const page = await bed.newPerson();
    await visit(page, `${bed.karvan.baseUrl}/services?lang=en`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Services");

    await page.getByRole("link", { name: "Work permit" }).click();
    await expectAccessible(page);
    await expect(page.locator("h1").textContent()).resolves.toBe("Work permit");
    await expect(page.getByTestId("fees").textContent()).resolves.toMatch(/AZN\s1,400\.00/);
    await expect(page.getByRole("button", { name: "Start now" }).getAttribute("href")).resolves.toBe(
      "/apply/work-permit",
    );

    await page.getByRole("link", { name: "See how an application moves through this procedure" }).click();
    await expectAccessible(page);
    const diagram = page.getByRole("img", { name: "Workflow of “Work permit”" });
    await expect(diagram.isVisible()).resolves.toBe(true);
    // The drawing is laid out left to right by stage, the draft first and the closed states last.
    const boxes = await page
      .locator("[data-state]")
      .evaluateAll((nodes) =>
        nodes.map((node) => ({ state: node.getAttribute("data-state"), x: Number(node.getAttribute("x")) })),
      );
    expect(boxes.map((box) => box.state)).toEqual([
      "draft",
      "submitted",
      "in-review",
      "decision-drafted",
      "approved",
      "awaiting-documents",
      "decided",
      "withdrawn",
    ]);
    expect(boxes.map((box) => box.x)).toEqual([...boxes.map((box) => box.x)].sort((a, b) => a - b));
    // Labels of the arrows do not cover one another.
    const labels = await page.locator("svg[data-testid=workflow-diagram] text").evaluateAll((texts) =>
      texts.map((text) => {
        const box = (text as SVGTextElement).getBBox();
        return { text: text.textContent, x: box.x, y: box.y, width: box.width, height: box.height };
      }),
    );
    const overlaps = labels.flatMap((a, i) =>
      labels
        .slice(i + 1)
        .filter(
          (b) =>
            a.x < b.x + b.width - 1 &&
            b.x < a.x + a.width - 1 &&
            a.y < b.y + b.height - 1 &&
            b.y < a.y + a.height - 1,
        )
        .map((b) => `${a.text} / ${b.text}`),
    );
    expect(overlaps).toEqual([]);
    for (const lang of ["az", "ru"]) {
      await visit(page, `${bed.karvan.baseUrl}/services/stay-registration/workflow?lang=${lang}`);
      await visit(page, `${bed.karvan.baseUrl}/services/permanent-residence-permit?lang=${lang}`);
    }
  });
});
