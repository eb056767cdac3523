// A growable columnar buffer of raw tokens (start, end, POS, sentence id): what a tokenizer emits before
// assembly. Typed arrays instead of one object per token keep a 200 MB text within memory bounds.

export class TokenBuffer {
  length = 0;
  starts = new Uint32Array(1024);
  ends = new Uint32Array(1024);
  pos = new Uint8Array(1024);
  sentences = new Uint32Array(1024);

  push(start: number, end: number, pos: number, sentence: number): void {
    if (this.length === this.starts.length) this.grow();
    const i = this.length++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.pos[i] = pos;
    this.sentences[i] = sentence;
  }

  private grow(): void {
    const n = this.starts.length * 2;
    const g = <T extends Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.starts = g(this.starts, (k) => new Uint32Array(k));
    this.ends = g(this.ends, (k) => new Uint32Array(k));
    this.pos = g(this.pos, (k) => new Uint8Array(k));
    this.sentences = g(this.sentences, (k) => new Uint32Array(k));
  }
}
