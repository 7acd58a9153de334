import { z } from "zod";
import type { InterviewInput } from "../../operations/schedule-interview.js";

const text = z.preprocess((value) => (typeof value === "string" ? value : ""), z.string());

/** The interview form as posted: the day in three boxes (GOV.UK date input), the time, place and language. */
export const interviewForm = z.object({
  "day-day": text,
  "day-month": text,
  "day-year": text,
  time: text,
  place: text,
  interpreterLanguage: text,
});
export type InterviewForm = z.output<typeof interviewForm>;

/** The form's values as the operation takes them: a day that cannot be written as YYYY-MM-DD stays invalid. */
export function interviewInput(form: InterviewForm): InterviewInput {
  const pad = (value: string) => value.trim().padStart(2, "0");
  const year = form["day-year"].trim();
  return {
    day: /^\d{4}$/.test(year) ? `${year}-${pad(form["day-month"])}-${pad(form["day-day"])}` : "",
    time: form.time,
    place: form.place,
    interpreterLanguage: form.interpreterLanguage,
  };
}

/** The form's field (and error summary anchor) of an operation's refusal. */
export const fieldOfCode: Record<string, string> = {
  interview_day: "day",
  interview_time: "time",
  interview_place: "place",
  interview_language: "interpreterLanguage",
  interview_state: "day",
};
