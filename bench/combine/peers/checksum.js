// Shared by the Node peers of bench/combine: the one JSON line each prints on stdout after its task —
// rows (newlines − 1, the header) and sha256 of the CSV it wrote, read back from disk, and the time
// that read-back took (checksum_s), which bench/combine/run.js subtracts from the measured wall time.
'use strict';
const fs = require('node:fs');
const crypto = require('node:crypto');

/** Prints {"target","rows","sha256","task_s","checksum_s", ...extra} for the CSV `file`; `t0` = performance.now() at start. */
function reportOutput(target, file, t0, extra = {}) {
  const t1 = performance.now();
  const hash = crypto.createHash('sha256');
  const buf = Buffer.allocUnsafe(4 << 20);
  const fd = fs.openSync(file, 'r');
  let newlines = 0;
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) {
      const chunk = buf.subarray(0, n);
      hash.update(chunk);
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) newlines++;
    }
  } finally {
    fs.closeSync(fd);
  }
  const line = {
    target, rows: newlines - 1, sha256: hash.digest('hex'),
    task_s: +((t1 - t0) / 1000).toFixed(3), checksum_s: +((performance.now() - t1) / 1000).toFixed(3), ...extra,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

module.exports = { reportOutput };
