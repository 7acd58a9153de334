/** Persons joined by links (union-find over ids): only linked persons are held, never the register. */
export class PersonClusters {
  private readonly parent = new Map<string, string>();

  private root(id: string): string {
    let root = id;
    for (
      let next = this.parent.get(root);
      next !== undefined && next !== root;
      next = this.parent.get(root)
    ) {
      root = next;
    }
    // Path compression: every person on the way points at the root.
    for (let node = id; node !== root; ) {
      const next = this.parent.get(node) as string;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  join(a: string, b: string): void {
    if (!this.parent.has(a)) this.parent.set(a, a);
    if (!this.parent.has(b)) this.parent.set(b, b);
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA === rootB) return;
    // The smaller id stays the root, so that the clusters do not depend on the order of the links.
    const [kept, joined] = rootA < rootB ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(joined, kept);
  }

  /** The clusters, largest first, then by their smallest id; each cluster's ids sorted. */
  groups(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.root(id);
      const group = byRoot.get(root);
      if (group) group.push(id);
      else byRoot.set(root, [id]);
    }
    return [...byRoot.values()]
      .map((group) => group.sort())
      .sort((a, b) => b.length - a.length || (a[0] as string).localeCompare(b[0] as string));
  }
}
