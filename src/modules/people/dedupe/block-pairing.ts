import type { MatchProfile } from "../register/scoring.js";
import type { BlockMember } from "./block-members.js";
import { type ComparablePerson, comparablePerson } from "./pair-scorer.js";

interface PairedPerson<P> {
  person: P;
  pairedKeys: string[];
}

/** The first key (in block order) two persons both hold among the keys compared pair by pair. */
function firstSharedKey(a: string[], b: string[]): string | undefined {
  for (const key of a) if (b.includes(key)) return key;
  return undefined;
}

/**
 * Turns the stream of block members into the pairs to compare, each once: in a block of at most
 * `pairedUpTo` persons every pair, but only in the first such block the two persons share (two
 * records of one person share three or four keys); in a larger block (a common name, a common
 * birth date) each person with the `window` persons sorted before it (the sorted neighbourhood),
 * unless the two also share a block compared pair by pair. Keeps one block at most in memory.
 */
export class BlockPairing<P extends { id: string } = ComparablePerson> {
  private key: string | undefined;
  private oversized = false;
  private members: PairedPerson<P>[] = [];

  constructor(
    private readonly pairedUpTo: number,
    private readonly window: number,
    /** `byNeighbourhood`: found in a large block, where the same pair may come again in another one. */
    private readonly compare: (a: P, b: P, byNeighbourhood: boolean) => void,
    /** How a member's profile is made ready for comparing, once per block it is read in. */
    private readonly prepare: (profile: MatchProfile) => P = comparablePerson as unknown as (
      profile: MatchProfile,
    ) => P,
  ) {}

  add(member: BlockMember): void {
    if (member.key !== this.key) {
      this.finish();
      this.key = member.key;
      this.oversized = member.blockSize > this.pairedUpTo;
    }
    const last = this.members[this.members.length - 1];
    // A person holding a key twice (two records merged) is one member of its block.
    if (last?.person.id === member.profile.id) return;
    const added = { person: this.prepare(member.profile), pairedKeys: member.pairedKeys };
    if (!this.oversized) {
      this.members.push(added);
      return;
    }
    for (const neighbour of this.members) {
      if (firstSharedKey(neighbour.pairedKeys, added.pairedKeys) === undefined)
        this.compare(neighbour.person, added.person, true);
    }
    this.members.push(added);
    if (this.members.length > this.window) this.members.shift();
  }

  /** Compares the pairs of the block read last; call once more after the last member. */
  finish(): void {
    if (!this.oversized) {
      const members = this.members;
      for (let i = 0; i < members.length; i++) {
        const a = members[i] as PairedPerson<P>;
        for (let j = i + 1; j < members.length; j++) {
          const b = members[j] as PairedPerson<P>;
          if (firstSharedKey(a.pairedKeys, b.pairedKeys) === this.key)
            this.compare(a.person, b.person, false);
        }
      }
    }
    this.members = [];
  }
}
