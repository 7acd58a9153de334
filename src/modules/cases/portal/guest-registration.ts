/**
 * Registration at the place of stay as hosts use it: the case type their guest lists register,
 * the answer that names the guest (listed beside each registration), and the answers about the
 * host that the form fills in from the host's account and last registration.
 */
export const guestRegistrationType = "stay-registration";

/** The answer holding the guest's name. */
export const guestNameAnswer = "guestFullName";

/** The answer naming the hotel or the owner of the home: the host account's name to begin with. */
export const hostNameAnswer = "hostName";

/** Answers about the place of stay, the same for every guest of one host: taken from the last registration. */
export const hostStayAnswers = ["accommodation", "hostName", "stayAddress"] as const;
