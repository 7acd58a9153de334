import type { AnchorCheck, AuditAnchor } from "../../modules/access/index.js";

export const shortHash = (hash: string | null) => (hash ? `${hash.slice(0, 16)}…` : "no seal");

/** The anchor check in words; true when it is only a warning or fine. */
export function anchorText(check: AnchorCheck): string {
  const anchor = check.anchor as AuditAnchor;
  switch (check.state) {
    case "matches":
      return `The chain holds the latest anchor (record ${anchor.sequence}, written ${anchor.at}): nothing before it was cut off or rewritten.`;
    case "cut_off":
      return (
        `THE END OF THE TRAIL WAS CUT OFF: record ${anchor.sequence} was anchored at ${anchor.at}, ` +
        `but the chain ends at record ${check.sealedUpTo}.`
      );
    case "rewritten":
      return (
        `THE CHAIN WAS REWRITTEN: at record ${anchor.sequence} the anchor of ${anchor.at} has hash ` +
        `${shortHash(anchor.hash)}, the chain ${shortHash(check.foundHash)}.`
      );
    case "forged":
      return `THE ANCHOR FILE HOLDS ${check.forgedLines} FORGED LINES: their MAC is not the audit key's.`;
    case "file_unreadable":
      return `THE ANCHOR FILE CANNOT BE READ: ${check.readError}. Nothing can be compared with it.`;
    case "missing":
      return (
        "Warning: the chain has sealed records but no anchor: a cut-off end cannot be detected. " +
        "karvan audit anchor writes one."
      );
    case "none":
      return "No anchor yet: nothing is sealed.";
    case "not_configured":
      return (
        "Warning: no anchor file (KARVAN_AUDIT_ANCHOR_FILE=off): a cut-off end cannot be detected. " +
        "Pass the anchor from the auditor's latest e-mail with --anchor."
      );
  }
}
