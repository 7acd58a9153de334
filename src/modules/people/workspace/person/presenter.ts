import type { FastifyRequest } from "fastify";
import { shownName } from "../person-summaries.js";
import { recordPageFor } from "../record-pages.js";
import { registerPaths } from "../register-page-options.js";
import { birthDateText, dateTimeText, documentText, nameLine, sexText } from "../register-words.js";
import { type PersonPage, userIdOf } from "./load-person-page.js";

function personLink(request: FastifyRequest, page: PersonPage, id: string) {
  const name = shownName(page.others.get(id)?.names ?? []);
  return { href: registerPaths.person(id), text: name || request.t("people.register.person.unnamed") };
}

function officerName(request: FastifyRequest, page: PersonPage, label: string | null): string {
  if (!label) return "—";
  const userId = userIdOf(label);
  if (userId) return page.officers.get(userId) ?? request.t("people.register.person.unknownOfficer");
  return request.t("people.register.person.bySystem");
}

function summaryRows(request: FastifyRequest, page: PersonPage) {
  const { person } = page.record;
  return [
    {
      key: { text: request.t("people.register.person.registerId") },
      value: { text: person.id, classes: "govuk-!-text-break-word" },
    },
    {
      key: { text: request.t("people.register.columns.birthDate") },
      value: { text: birthDateText(request, person.birthDate) },
    },
    {
      key: { text: request.t("people.register.columns.sex") },
      value: { text: sexText(request, person.sex) },
    },
    {
      key: { text: request.t("people.register.columns.citizenship") },
      value: { text: person.citizenships.join(", ") || "—" },
    },
    {
      key: { text: request.t("people.register.person.registeredOn") },
      value: { text: dateTimeText(request, person.createdAt) },
    },
  ];
}

function caseRows(request: FastifyRequest, page: PersonPage) {
  return page.cases.seen.map((glimpse) => {
    const link = page.record.caseLinks.find((one) => one.caseId === glimpse.id);
    return {
      href: `/cases/${glimpse.id}`,
      number: glimpse.number,
      procedure: glimpse.procedure[request.locale],
      state: glimpse.state[request.locale],
      role: link ? request.t(`people.register.roles.${link.role}`, { defaultValue: link.role }) : "—",
      how: link ? request.t(`people.register.how.${link.how}`) : "—",
    };
  });
}

/**
 * The records of other registers naming the person: listed with a link when the viewer may open
 * that register, otherwise only counted, per register, as cases of other agencies are.
 */
function recordRows(request: FastifyRequest, page: PersonPage) {
  const rows = [];
  const unseen = new Map<string, number>();
  for (const link of page.record.recordLinks) {
    const href = recordPageFor(request.principal, link.register, link.recordId);
    if (!href) {
      unseen.set(link.register, (unseen.get(link.register) ?? 0) + 1);
      continue;
    }
    rows.push({
      href,
      kind: request.t(`people.register.records.${link.register}`),
      linked: dateTimeText(request, link.linkedAt),
      how: request.t(`people.register.how.${link.how}`),
    });
  }
  const unseenCounts = [...unseen].map(([register, count]) =>
    request.t(`people.register.person.unseenRecords.${register}`, { count }),
  );
  return { rows, unseen: unseenCounts };
}

function mergeRows(request: FastifyRequest, page: PersonPage) {
  const id = page.record.person.id;
  return page.record.merges.map((merge) => {
    const absorbed = merge.survivorId === id;
    const other = personLink(request, page, absorbed ? merge.mergedId : merge.survivorId);
    return {
      at: dateTimeText(request, merge.at),
      what: request.t(absorbed ? "people.register.person.absorbed" : "people.register.person.mergedInto"),
      other,
      by: officerName(request, page, merge.by),
      reason: merge.reason,
      undone: merge.undoneAt
        ? request.t("people.register.person.undoneOn", {
            at: dateTimeText(request, merge.undoneAt),
            by: officerName(request, page, merge.undoneBy),
          })
        : null,
      undoAction: !merge.undoneAt && absorbed ? registerPaths.undoMerge(merge.id) : null,
    };
  });
}

/**
 * The person page: who the person is, their documents, family, cases, imported records, records of
 * other registers and merges.
 */
export function presentPerson(request: FastifyRequest, page: PersonPage) {
  const { record } = page;
  const name = shownName(record.names);
  return {
    title: name || request.t("people.register.person.unnamed"),
    mergedAway: record.requestedId !== record.person.id,
    summaryRows: summaryRows(request, page),
    names: record.names.map((one) => ({
      ...nameLine(request, one),
      added: dateTimeText(request, one.addedAt),
    })),
    documents: record.documents.map((one) => ({
      text: documentText(request, one),
      expiry: one.expiry ?? "—",
      added: dateTimeText(request, one.addedAt),
    })),
    relations: record.relations.map((relation) => {
      const outward = relation.personId === record.person.id;
      return {
        kind: request.t(`people.register.relations.${outward ? "of" : "to"}.${relation.kind}`),
        person: personLink(request, page, outward ? relation.relatedPersonId : relation.personId),
      };
    }),
    cases: caseRows(request, page),
    unseenCases: page.cases.unseen,
    imports: record.importLinks.map((link) => ({
      batch: link.batchId,
      record: link.importPersonId,
      linked: dateTimeText(request, link.linkedAt),
      how: request.t(`people.register.how.${link.how}`),
    })),
    records: recordRows(request, page),
    merges: mergeRows(request, page),
    mergeHref: registerPaths.merge(record.person.id),
  };
}
