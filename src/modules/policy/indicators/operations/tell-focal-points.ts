import { listStaffWithPermission } from "../../../access/index.js";
import type { IndicatorContext } from "../indicator-context.js";
import type { PolicyIndicator } from "../indicator-record.js";

/**
 * An entered indicator that becomes an agency's to report changes what its focal points must do:
 * each is told, in the service's default language and English, with the page where values go. The
 * message id makes a repeated request send it once.
 */
export async function tellFocalPoints(context: IndicatorContext, indicator: PolicyIndicator): Promise<void> {
  if (!context.notices || indicator.kind !== "entered") return;
  const { mailer, i18n, publicUrl } = context.notices;
  const focalPoints = await listStaffWithPermission(
    context.db,
    indicator.responsibleAgencyId,
    "policy.report",
  );
  const link = `${publicUrl.replace(/\/$/, "")}/policy/indicators/${indicator.code}/values`;
  const stamp = indicator.updatedAt.getTime();
  for (const person of focalPoints) {
    const texts = (["az", "en"] as const).map((language) => {
      const t = i18n.t(language);
      return {
        subject: t("policyIndicators.notice.subject", { name: indicator.names[language] }),
        text: t("policyIndicators.notice.text", {
          name: indicator.names[language],
          code: indicator.code,
          link,
        }),
      };
    });
    await mailer.send({
      id: `policy-indicator-${indicator.id}-${person.id}-${stamp}`,
      to: person.email,
      subject: texts.map((one) => one.subject).join(" / "),
      text: texts.map((one) => one.text).join("\n\n—\n\n"),
    });
  }
}
