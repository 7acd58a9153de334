import type { CaseState } from "../engine/case-state.js";
import { mailApplicantNotice } from "../notices/mail-applicant-notice.js";
import { noticeMessageId } from "../notices/notify-applicant-of-change.js";
import type { Workspace } from "./workspace.js";

/**
 * Tells the applicant, in their own language, that the officer wrote to them on the case. The
 * e-mail names the case, never the officer's free text: that is read after signing in. The message
 * id follows the message's event, so a retried send is the same message.
 */
export async function mailApplicantOfMessage(workspace: Workspace, state: CaseState): Promise<void> {
  await mailApplicantNotice(
    workspace,
    state,
    { kind: "newMessage" },
    noticeMessageId(state.id, state.lastSeq),
  );
}
