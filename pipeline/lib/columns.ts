// Building blocks of the columnar stores (the corpus index, the per-document tallies): typed arrays that
// grow by doubling, and a pool that keeps each distinct string once and numbers it.

/** `a`, or a copy twice as long (at least `need`) when it is shorter than `need`. */
export function grow<T extends Int32Array | Float64Array | Uint16Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Distinct strings, each stored once, numbered in order of first appearance. */
export class Pool {
  readonly values: string[] = [];
  private ids = new Map<string, number>();

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      this.ids.set(s, (id = this.values.length));
      this.values.push(s);
    }
    return id;
  }

  /** No more values: the lookup table is dropped (for a doc_id column it is as large as the values). */
  seal(): void {
    this.ids = new Map();
  }
}
