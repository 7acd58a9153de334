import { describe, expect, it } from "vitest";
import { caseTypeSchema } from "../definition/case-type.js";
import { samplePermit } from "../test-support/sample-case-type.js";
import { diagramFontSizes, layoutWorkflow, wrapText } from "./workflow-layout.js";
import { statesInReadingOrder, workflowSteps } from "./workflow-steps.js";

const definition = caseTypeSchema.parse(samplePermit);
const categoryLabels = {
  draft: "Draft",
  open: "Open",
  waiting: "Waiting",
  decided: "Decided",
  closed: "Closed",
};

function diagramOf(labelOf: (name: string) => string) {
  const order = statesInReadingOrder(definition);
  return layoutWorkflow({
    states: order.map((id) => ({
      id,
      label: definition.states[id]?.label.en ?? id,
      category: definition.states[id]?.category ?? "open",
    })),
    categoryLabels,
    edges: workflowSteps(definition).flatMap((step) =>
      step.from.map((from) => ({
        from,
        to: step.to,
        label: labelOf(step.name),
        byApplicant: step.allowed === "applicant",
      })),
    ),
  });
}

describe("the workflow diagram", () => {
  it("reads left to right by category, then by distance from the draft", () => {
    expect(statesInReadingOrder(definition)).toEqual([
      "draft",
      "submitted",
      "in-review",
      "decision-drafted",
      "approved",
      "awaiting-documents",
      "decided",
      "withdrawn",
    ]);
    const diagram = diagramOf((name) => name);
    const xs = diagram.nodes.map((node) => node.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(diagram.bands.map((band) => band.label.text)).toEqual([
      "Draft",
      "Open",
      "Waiting",
      "Decided",
      "Closed",
    ]);
    // The submission is drawn too: 1 + 8 transitions, withdraw from three states.
    expect(diagram.edges).toHaveLength(11);
  });

  it("keeps every label inside the drawing and off every other label, even with long labels", () => {
    const diagram = diagramOf((name) => `${name} with a much longer label than usual`);
    const boxes = [
      ...diagram.edges.flatMap((edge) =>
        edge.lines.map((line) => ({ ...line, size: diagramFontSizes.edge })),
      ),
      ...diagram.nodes.flatMap((node) =>
        node.lines.map((line) => ({ ...line, size: diagramFontSizes.node })),
      ),
    ].map((line) => {
      const width = line.text.length * line.size * 0.6;
      return {
        text: line.text,
        left: line.x - width / 2,
        right: line.x + width / 2,
        top: line.y - line.size,
        bottom: line.y,
      };
    });
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(diagram.width);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(diagram.height);
    }
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        .map((b) => `${a.text} / ${b.text}`),
    );
    expect(overlaps).toEqual([]);
  });

  it("wraps words into lines no longer than asked, a long word on its own line", () => {
    expect(wrapText("Request the missing documents", 12)).toEqual(["Request the", "missing", "documents"]);
    expect(wrapText("Überlangeswortohnepause und", 10)).toEqual(["Überlangeswortohnepause", "und"]);
  });
});
