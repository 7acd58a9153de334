/**
 * A draft's published text: paragraphs apart by a blank line. A paragraph that starts with a
 * number ("2.", "2.1", "3.1.4") opens the section of that number, which readers can name in a
 * comment; the paragraphs after it belong to it until the next number.
 */

export interface DraftParagraph {
  text: string;
  /** The section it belongs to; null before the first numbered paragraph. */
  section: string | null;
  /** True for the paragraph that opens its section. */
  opens: boolean;
}

const sectionNumber = /^(\d{1,3}(?:\.\d{1,3}){0,3})\.?(?=\s)/;

export function draftParagraphs(text: string): DraftParagraph[] {
  const paragraphs: DraftParagraph[] = [];
  let section: string | null = null;
  for (const block of text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)) {
    const trimmed = block.trim();
    if (!trimmed) continue;
    const number = sectionNumber.exec(trimmed)?.[1];
    if (number) section = number;
    paragraphs.push({ text: trimmed, section, opens: number !== undefined });
  }
  return paragraphs;
}

/** The section numbers of a text, in order, each once. */
export function sectionCodes(text: string): string[] {
  return [
    ...new Set(
      draftParagraphs(text).flatMap((paragraph) => (paragraph.opens ? [paragraph.section as string] : [])),
    ),
  ];
}
