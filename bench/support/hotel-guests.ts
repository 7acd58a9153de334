import { randomSource, SyntheticPersons, type TruePerson } from "./synthetic-persons.js";

/** Where hotel guests come from: the stay registration is for foreigners. */
const guestCitizenships = ["RU", "GE", "TR", "IR", "UA", "KZ", "UZ", "DE", "GB", "IN"];

export interface HotelGuest {
  fullName: string;
  birthDate: string;
  citizenship: string;
  passport: string;
}

/**
 * Guests as hotels register them: each a person of `SyntheticPersons` (Zipf-distributed
 * Azerbaijani names, birth dates over six decades, a passport of their own) written as the
 * passport writes them, a share of them coming back with the same passport. Deterministic: the
 * same seed gives the same guests in the same order.
 */
export class HotelGuests {
  private readonly persons: SyntheticPersons;
  private readonly random: () => number;
  private readonly seen: Array<{ person: TruePerson; citizenship: string }> = [];

  constructor(
    seed: number,
    private readonly returningShare = 0.2,
  ) {
    this.persons = new SyntheticPersons(seed);
    this.random = randomSource(seed + 1);
  }

  next(): HotelGuest {
    const returning = this.seen.length > 0 && this.random() < this.returningShare;
    const guest = returning
      ? (this.seen[Math.floor(this.random() * this.seen.length)] as (typeof this.seen)[number])
      : this.newGuest();
    const { given, family } = this.persons.passportNames(guest.person);
    return {
      fullName: `${given} ${family}`,
      birthDate: guest.person.birthDate,
      citizenship: guest.citizenship,
      passport: guest.person.passport,
    };
  }

  private newGuest() {
    const citizenship = guestCitizenships[Math.floor(this.random() * guestCitizenships.length)] as string;
    const guest = { person: this.persons.truePerson(), citizenship };
    this.seen.push(guest);
    return guest;
  }
}
