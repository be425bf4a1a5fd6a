// A process that writes a large output slowly through the built atomic writer, so a test can stop it mid-write.
// Usage: node atomic-writer-child.mjs <target>. Prints "writing <n>" once the temporary file holds data.
import { openAtomicStream } from '../../dist/io/atomic-write.js';

const target = process.argv[2];
const sink = await openAtomicStream(target);
const chunk = Buffer.alloc(1 << 20, 0x41);
let announced = false;
const timer = setInterval(() => {
  sink.stream.write(chunk, () => {
    if (!announced) {
      announced = true;
      process.stdout.write(`writing ${target}\n`);
    }
  });
}, 20);
// The write never completes on its own; after a minute give up so a broken test cannot leave it running.
setTimeout(() => {
  clearInterval(timer);
  void sink.abort().then(() => process.exit(1));
}, 60_000).unref();
