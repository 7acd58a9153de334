/** A piece of an e-mail's text: plain text, or a link when it points at this service. */
export interface TextSegment {
  text: string;
  href?: string;
}

/** Paragraphs, made of lines, made of segments: the template escapes every piece. */
export type MessageText = TextSegment[][][];

const urlPattern = /https?:\/\/[^\s<>"']+/g;

/** Trailing punctuation usually ends the sentence, not the link. */
function trimUrl(candidate: string): string {
  return candidate.replace(/[.,;:!?)\]]+$/, "");
}

function pointsAt(url: string, publicUrl: URL): boolean {
  try {
    const target = new URL(url);
    const base = publicUrl.pathname.replace(/\/$/, "");
    return (
      target.origin === publicUrl.origin &&
      (target.pathname === base || target.pathname.startsWith(`${base}/`) || base === "")
    );
  } catch {
    return false;
  }
}

function segmentsOf(line: string, publicUrl: URL): TextSegment[] {
  const segments: TextSegment[] = [];
  let rest = 0;
  for (const match of line.matchAll(urlPattern)) {
    const url = trimUrl(match[0]);
    if (!pointsAt(url, publicUrl)) continue;
    if (match.index > rest) segments.push({ text: line.slice(rest, match.index) });
    segments.push({ text: url, href: url });
    rest = match.index + url.length;
  }
  if (rest < line.length) segments.push({ text: line.slice(rest) });
  return segments;
}

/**
 * Splits an e-mail's text for display. Only http(s) addresses of this service (`publicUrl`) become
 * links: a message in the outbox may quote anything, and a demo page must not send people to
 * other sites.
 */
export function messageText(text: string, publicUrl: string): MessageText {
  const base = new URL(publicUrl);
  return text
    .replace(/\r\n/g, "\n")
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== "")
    .map((paragraph) => paragraph.split("\n").map((line) => segmentsOf(line, base)));
}
