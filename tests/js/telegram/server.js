'use strict';

// Runs telegram-test-api on 127.0.0.1:<port> for the C# integration tests. Prints "ready <port>" once listening
// and stops when stdin closes (the test process ending, even abruptly, closes it).
const TelegramServer = require('telegram-test-api');

async function main() {
  const port = Number(process.argv[2]);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error('usage: node server.js <port>');
  }

  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 300 });
  await server.start();
  process.stdout.write(`ready ${port}\n`);

  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
