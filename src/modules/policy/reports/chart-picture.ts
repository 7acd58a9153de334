import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/** The same DejaVu Sans the PDFs embed, so a chart's Azerbaijani and Cyrillic labels have their letters. */
const fontFolder = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fontFiles = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => path.join(fontFolder, file));

type ResvgModule = typeof import("@resvg/resvg-js");
let loadedResvg: Promise<ResvgModule> | undefined;

/**
 * A chart's SVG drawn as a PNG picture `width` pixels wide. Word shows the SVG itself since 2016;
 * other word processors, and older Word, show this picture instead. resvg draws it without a
 * browser and reads no system fonts, so the picture is the same on every machine. Loaded on first
 * use: few processes write documents.
 */
export async function chartPng(svg: string, width: number): Promise<Buffer> {
  loadedResvg ??= import("@resvg/resvg-js");
  const { Resvg } = await loadedResvg;
  const picture = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    background: "#ffffff",
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return picture.render().asPng();
}
