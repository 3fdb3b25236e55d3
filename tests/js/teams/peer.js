'use strict';
// The Bot Framework channel, played by the Bot Framework JavaScript SDK (botframework-connector) for the
// Teams connector's integration tests. It
//   * serves the serviceUrl the bot calls (POST/PUT /v3/conversations/{id}/activities[/{activityId}]),
//     validating every bearer token the bot sends with the SDK's JwtTokenExtractor against the test's
//     loopback OpenID metadata, and reports each call on stdout;
//   * posts activities to the bot's /api/messages with tokens from the test's loopback token issuer,
//     after checking each token with the SDK's own ChannelValidation (what a real bot built on the SDK does);
//     or with a token the test minted as Entra ID would, checked with the SDK's EmulatorValidation against the
//     loopback Entra metadata (the path the SDK takes for Emulator / AAD-issued tokens).
// Protocol: JSON lines. stdout: {"event":"ready"|"call"|"response",...}; stdin: {"op":"post"|"fail-next",...}
// ("post" with "kind": a channel token of that kind; with "token": that Entra token).
// Usage: node peer.js <issuerBaseUrl> <botBaseUrl> <botAppId>

const http = require('http');
const readline = require('readline');
const { AuthenticationConstants, ChannelValidation, EmulatorValidation, SimpleCredentialProvider } = require('botframework-connector');
// Not re-exported from the package root; the same class ChannelValidation uses internally.
const { JwtTokenExtractor } = require('botframework-connector/lib/auth/jwtTokenExtractor');

const [issuerBase, botBase, botAppId] = process.argv.slice(2);
if (!issuerBase || !botBase || !botAppId) {
  process.stderr.write('usage: node peer.js <issuerBaseUrl> <botBaseUrl> <botAppId>\n');
  process.exit(2);
}

const metadataUrl = `${issuerBase}/v1/.well-known/openidconfiguration`;
ChannelValidation.OpenIdMetadataEndpoint = metadataUrl;
// EmulatorValidation reads this constant when it validates; pointing it at loopback keeps the test offline.
AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl = `${issuerBase}/common/v2.0/.well-known/openid-configuration`;

// Bot -> channel tokens: AAD client-credentials tokens for the Bot Framework audience, carrying the bot's appid.
const botTokenExtractor = new JwtTokenExtractor(
  {
    issuer: [`${issuerBase}/botframework.com/`],
    audience: 'https://api.botframework.com',
    clockTolerance: 300,
    ignoreExpiration: false,
  },
  metadataUrl,
  ['RS256'],
);

const failNext = [];
let nextActivity = 1;
let serviceUrl = '';

function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

async function checkBotToken(header) {
  try {
    const identity = await botTokenExtractor.getIdentityFromAuthHeader(header || '', 'msteams');
    if (!identity || !identity.isAuthenticated) return 'not authenticated';
    const appId = identity.getClaimValue('appid');
    return appId === botAppId ? 'valid' : `appid ${appId} is not the bot`;
  } catch (err) {
    return `invalid: ${err.message}`;
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url);
    const auth = await checkBotToken(req.headers.authorization);
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = text; }
    const call = {
      event: 'call',
      method: req.method,
      rawPath: req.url,
      conversationId: match ? decodeURIComponent(match[1]) : null,
      activityId: match && match[2] ? decodeURIComponent(match[2]) : null,
      auth,
      body,
    };
    if (!match) {
      emit({ ...call, status: 404 });
      res.writeHead(404).end();
      return;
    }
    if (auth !== 'valid') {
      emit({ ...call, status: 401 });
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'Unauthorized', message: auth } }));
      return;
    }
    const failure = failNext.shift();
    if (failure) {
      emit({ ...call, status: failure.status });
      res.writeHead(failure.status, { 'retry-after': String(failure.retryAfter || 1) }).end();
      return;
    }
    const id = req.method === 'PUT' ? call.activityId : `act-${nextActivity++}`;
    emit({ ...call, status: req.method === 'PUT' ? 200 : 201, id });
    res.writeHead(req.method === 'PUT' ? 200 : 201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
  });
});

async function channelToken(kind, forServiceUrl) {
  const issued = await fetch(`${issuerBase}/channel-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: kind || 'Valid', serviceUrl: forServiceUrl }),
  });
  return (await issued.json()).token;
}

async function post(command) {
  const activity = { channelId: 'msteams', serviceUrl, ...command.activity };
  const header = `Bearer ${command.token || await channelToken(command.kind, activity.serviceUrl)}`;
  const credentials = new SimpleCredentialProvider(botAppId, '');
  let sdkAccepted;
  try {
    if (command.token) {
      // As the SDK's JwtTokenValidation does: isTokenFromEmulator recognises the issuer (and trusts the tid claim's
      // tenant), then authenticateEmulatorToken checks signature, lifetime and appid/azp.
      if (!EmulatorValidation.isTokenFromEmulator(header)) throw new Error('not an emulator issuer');
      await EmulatorValidation.authenticateEmulatorToken(header, credentials, undefined, activity.channelId);
    } else {
      await ChannelValidation.authenticateChannelTokenWithServiceUrl(header, credentials, activity.serviceUrl, activity.channelId);
    }
    sdkAccepted = true;
  } catch {
    sdkAccepted = false;
  }
  const response = await fetch(`${botBase}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: header },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  emit({ event: 'response', id: command.id, status: response.status, body: text, sdkAccepted });
}

server.listen(0, '127.0.0.1', () => {
  serviceUrl = `http://127.0.0.1:${server.address().port}/`;
  emit({ event: 'ready', serviceUrl });
});

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (!line.trim()) return;
  const command = JSON.parse(line);
  if (command.op === 'post') {
    post(command).catch((err) => emit({ event: 'response', id: command.id, status: -1, body: String(err), sdkAccepted: false }));
  } else if (command.op === 'fail-next') {
    failNext.push({ status: command.status, retryAfter: command.retryAfter });
  }
});
lines.on('close', () => server.close(() => process.exit(0)));
