/**
 * A TCP relay between the SDK and the receiver, in a process of its own, that times each HTTP request on
 * the wire: from its first byte passed on to the receiver to the first byte of the receiver's answer. The
 * SDK sends one request at a time on a connection, so each connection alternates request and answer. Its
 * loop does nothing else, so the figure is the receiver's alone, without the time an answer waits in the
 * SDK's socket while the SDK's own event loop is busy. Usage: `node wire-timer.js <upstream port>`; prints
 * `listening on <url>`, then `wire <ms>` per request.
 */
import { connect, createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

const upstreamPort = Number(process.argv[2]);
const server = createServer((client) => {
  const upstream = connect(upstreamPort, '127.0.0.1');
  let sentAt;
  client.on('data', (chunk) => {
    sentAt ??= performance.now();
    upstream.write(chunk);
  });
  upstream.on('data', (chunk) => {
    if (sentAt !== undefined) process.stdout.write(`wire ${(performance.now() - sentAt).toFixed(2)}\n`);
    sentAt = undefined;
    client.write(chunk);
  });
  const end = () => (client.destroy(), upstream.destroy());
  client.on('close', end).on('error', end);
  upstream.on('close', end).on('error', end);
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
