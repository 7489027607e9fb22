/**
 * Each HTTP request's time on the wire, from a packet capture of the loopback: from the request's first byte
 * to the first byte of its answer, both as the kernel timestamped them. No process's event loop is in the
 * figure, neither the SDK's (an answer waiting in its socket) nor a relay's: it is what a client on another
 * machine would see of the receiver, less the network. Needs Wireshark's dumpcap and tshark (Debian's
 * tshark package) and the right to capture (root, or the wireshark group): `captureUnavailable` says which
 * is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Why a capture cannot run here, or undefined when it can. */
export function captureUnavailable() {
  for (const tool of ['dumpcap', 'tshark']) {
    if (spawnSync(tool, ['--version'], { stdio: 'ignore' }).status !== 0) return `${tool} is not installed`;
  }
  // Opening the interface to list its link types needs the same right as capturing on it.
  if (spawnSync('dumpcap', ['-L', '-i', 'lo'], { stdio: 'ignore' }).status !== 0)
    return 'not allowed to capture on lo (run as root, or join the wireshark group)';
  return undefined;
}

/**
 * Starts capturing TCP on loopback `port`; resolves to { stop() → sorted ms } once packets are captured.
 * dumpcap says "Capturing on" before its filter is live, so empty connections (no data: not a request) are
 * made to the port until its packet count moves.
 */
export function startCapture(port) {
  const dir = mkdtempSync(join(tmpdir(), 'attio-plg-bench-capture-'));
  const file = join(dir, 'burst.pcapng');
  const child = spawn('dumpcap', ['-i', 'lo', '-f', `tcp port ${port}`, '-w', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  let errors = '';
  let probing;
  let live = false;
  return new Promise((resolve, reject) => {
    const given = setTimeout(() => {
      child.kill('SIGINT');
      reject(new Error(`dumpcap captured nothing on port ${port} within 10 s: ${errors.trim()}`));
    }, 10_000);
    child.stderr.on('data', (chunk) => {
      errors += chunk.toString();
      if (probing === undefined && errors.includes('Capturing on'))
        probing = setInterval(() => {
          const probe = connect(port, '127.0.0.1');
          probe.on('connect', () => probe.destroy()).on('error', () => probe.destroy());
        }, 100);
      if (!live && /Packets: [1-9]/.test(errors)) {
        live = true;
        clearInterval(probing);
        clearTimeout(given);
        resolve({
          async stop() {
            // dumpcap hands packets over a block at a time; the last block is lost unless it has been handed.
            await new Promise((resolve) => setTimeout(resolve, 1000));
            child.kill('SIGINT');
            await exited;
            try {
              return requestTimes(file, port);
            } finally {
              rmSync(dir, { recursive: true, force: true });
            }
          },
        });
      }
    });
    void exited.then((code) => {
      clearInterval(probing);
      clearTimeout(given);
      if (live) return;
      rmSync(dir, { recursive: true, force: true });
      reject(new Error(`dumpcap exited (${code}): ${errors.trim()}`));
    });
  });
}

/**
 * The requests' times in a capture: each connection alternates request and answer (the SDK sends one request
 * at a time on a connection), so a request starts at the first client segment with data after an answer,
 * and is answered at the server's next segment with data.
 */
function requestTimes(file, port) {
  const fields = ['frame.time_epoch', 'tcp.stream', 'tcp.srcport', 'tcp.len'];
  const out = spawnSync('tshark', ['-r', file, '-T', 'fields', ...fields.flatMap((f) => ['-e', f])], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`tshark could not read the capture: ${out.stderr.trim()}`);
  const sentAt = new Map();
  const times = [];
  for (const line of out.stdout.split('\n')) {
    const [epoch, stream, source, length] = line.split('\t');
    if (!length || Number(length) === 0) continue;
    const at = Number(epoch) * 1000;
    if (Number(source) !== port) {
      if (!sentAt.has(stream)) sentAt.set(stream, at);
    } else if (sentAt.has(stream)) {
      times.push(at - sentAt.get(stream));
      sentAt.delete(stream);
    }
  }
  return times.sort((a, b) => a - b);
}
