/**
 * A receiver that does nothing: reads each request's body and answers 200 at once, in a process of its own.
 * The receiver burst sends the same burst here to measure what the SDK's own process adds to each request's
 * time (its event loop reads an answer only between its own work), the floor under the intake figure.
 */
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}'));
});
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
