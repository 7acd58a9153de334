import type { ReadmissionContext } from "../readmission-module.js";
import { changeRequest } from "./change-request.js";

/** The transfer arranged with the partner: its date, the border crossing point and the escort. */
export async function arrangeTransfer(
  context: ReadmissionContext,
  id: string,
  transfer: { transferOn: string; borderCrossingPoint: string; escort: string },
): Promise<void> {
  await changeRequest(context, id, {
    action: "transfer_arranged",
    from: ["agreed", "deemed_agreed", "transfer_arranged"],
    apply: () => ({
      change: { status: "transfer_arranged", ...transfer },
      log: {
        kind: "transfer",
        direction: "internal",
        onDate: transfer.transferOn,
        note: `${transfer.borderCrossingPoint} — ${transfer.escort}`,
      },
    }),
  });
}
