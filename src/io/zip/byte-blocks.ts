/**
 * Bytes appended in small pieces and kept, copied into blocks of their own: the zip's central directory (about
 * 100 bytes per entry, held until the end). A small Buffer is usually a view of Node's shared 8 KiB pool slab, and
 * keeping the view keeps the whole slab: ten thousand entries would hold ten thousand slabs (80 MB) for 1 MB of
 * records. Here what is held is the records' size, rounded up to one block.
 */
export class ByteBlocks {
  private readonly full: Buffer[] = [];
  private current: Buffer;
  private used = 0;

  constructor(private readonly blockBytes = 64 * 1024) {
    this.current = Buffer.allocUnsafeSlow(blockBytes);
  }

  append(b: Buffer): void {
    let from = 0;
    while (from < b.length) {
      if (this.used === this.current.length) {
        this.full.push(this.current);
        this.current = Buffer.allocUnsafeSlow(this.blockBytes);
        this.used = 0;
      }
      const n = b.copy(this.current, this.used, from);
      this.used += n;
      from += n;
    }
  }

  /** The bytes appended, in order, as views of the blocks (valid as long as this object is). */
  pieces(): Buffer[] {
    return [...this.full, this.current.subarray(0, this.used)].filter((p) => p.length > 0);
  }

  /** Bytes of memory held: every block whole (what a caller would otherwise hold in slabs). */
  get heldBytes(): number {
    return (this.full.length + 1) * this.blockBytes;
  }
}
