#!/usr/bin/env node
// A low-overhead fake OpenAI-compatible Chat Completions server for Parity's whole-command
// benchmarks, on Node's standard library only (a user's clone needs nothing else).
//
//   node benchmarks/fake-server/fake-openai-server.js --latency-ms 50 --port-file /tmp/port \
//       [--port 0] [--error-every 0] [--retry-after-s 1] [--max-seconds 900] [--window-s 0]
//
// POST /v1/chat/completions answers a short memo after --latency-ms. With --error-every N > 0,
// every Nth request (counted over all requests) gets HTTP 429 at once, with an OpenAI-shaped
// error body and a Retry-After of --retry-after-s seconds: a steady rate of 429s that does not
// depend on how fast the client calls. On exit it prints the requests and 429s it served.
//
// With --window-s W > 0 it counts the requests in a sliding window of W seconds (each request's
// arrival, whatever it is answered): the most seen in any W seconds, as a provider's per-minute
// limit would count them. GET /stats answers {"requests", "rate_limited", "window_s",
// "most_in_window", "first_ms", "last_ms", "answered_ms", "busy_ms", "busy_first_500ms"} at any
// time; the exit line says the same. first_ms and last_ms are the first and last requests' arrivals
// and answered_ms the last answer's (monotonic ms); busy_ms is the requests in flight (arrived,
// not yet answered) summed over time, in request-milliseconds, and busy_first_500ms the same over
// the half second after the first arrival. Divided by the client's concurrency and the span, they
// say how full its slots were: the time between one answer and the next request on its slot is
// the client's, and so is a slow start.
'use strict';
const http = require('http');
const fs = require('fs');

const options = { 'latency-ms': 100, 'port-file': '', port: 0, 'error-every': 0, 'retry-after-s': 1, 'max-seconds': 900,
  'window-s': 0 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 2) {
  const name = argv[i].replace(/^--/, '');
  if (!(name in options) || i + 1 >= argv.length) {
    console.error(`unknown or incomplete option ${argv[i]}; usage: ${Object.keys(options).map((o) => '--' + o).join(' ')}`);
    process.exit(2);
  }
  options[name] = name === 'port-file' ? argv[i + 1] : Number(argv[i + 1]);
}

const answer = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', model: 'bench-model-2025',
  choices: [{ index: 0, message: { role: 'assistant', content: '# Memo\n\nThe quarter went well.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
});
const limited = JSON.stringify({ error: {
  message: 'Rate limit reached for requests. Please try again in 1s.', type: 'requests', param: null, code: 'rate_limit_exceeded' } });

let requests = 0;
let rateLimited = 0;
// The arrivals (ms, monotonic) inside the last window, oldest first, and the most there ever were.
const windowMs = options['window-s'] * 1000;
const arrivals = [];
let oldest = 0;
let mostInWindow = 0;
let firstMs = null;
let lastMs = null;
let answeredMs = null;
// The requests in flight, summed over time since the first arrival (request-ms), in all and over
// its first half second; changedAt is when inFlight last changed (fractional ms).
let inFlight = 0;
let busyMs = 0;
let busyFirstMs = 0;
let changedAt = 0;
let firstAt = null;
const preciseMs = () => Number(process.hrtime.bigint()) / 1e6;
// Returns the time of the change (fractional ms).
const inFlightChanges = (by) => {
  const now = preciseMs();
  if (firstAt === null) {
    firstAt = now;
    changedAt = now;
  }
  busyMs += inFlight * (now - changedAt);
  const earlyEnd = firstAt + 500;
  busyFirstMs += inFlight * Math.max(0, Math.min(now, earlyEnd) - Math.min(changedAt, earlyEnd));
  changedAt = now;
  inFlight += by;
  return now;
};
const answered = () => {
  answeredMs = Math.floor(inFlightChanges(-1));
};
const arrived = () => {
  const now = Math.floor(inFlightChanges(1));
  firstMs = firstMs === null ? now : firstMs;
  lastMs = now;
  if (windowMs <= 0) {
    return;
  }
  arrivals.push(now);
  while (arrivals[oldest] <= now - windowMs) {
    oldest++;
  }
  if (oldest > 100000) {
    arrivals.splice(0, oldest);
    oldest = 0;
  }
  mostInWindow = Math.max(mostInWindow, arrivals.length - oldest);
};
const stats = () => JSON.stringify({ requests, rate_limited: rateLimited, window_s: options['window-s'],
  most_in_window: mostInWindow, first_ms: firstMs, last_ms: lastMs, answered_ms: answeredMs,
  busy_ms: Math.round(busyMs), busy_first_500ms: Math.round(busyFirstMs) });
const server = http.createServer((req, res) => {
  // The body is read to the end (as a real server would) before answering.
  req.on('data', () => {});
  req.on('end', () => {
    if (req.method === 'GET' && req.url === '/stats') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(stats());
      return;
    }
    if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error": {"message": "not found", "type": "invalid_request_error"}}');
      return;
    }
    requests++;
    arrived();
    if (options['error-every'] > 0 && requests % options['error-every'] === 0) {
      rateLimited++;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(options['retry-after-s']) });
      res.end(limited);
      answered();
      return;
    }
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
      answered();
    }, options['latency-ms']);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(options.port, '127.0.0.1', () => {
  const port = server.address().port;
  console.error(`fake server: http://127.0.0.1:${port}/v1, latency ${options['latency-ms']} ms, 429 every ${options['error-every'] || 'never'}`);
  if (options['port-file']) {
    fs.writeFileSync(options['port-file'] + '.tmp', String(port));
    fs.renameSync(options['port-file'] + '.tmp', options['port-file']);
  }
});
const stop = () => {
  console.error(`fake server: ${requests} requests, ${rateLimited} answered 429`
    + (windowMs > 0 ? `, at most ${mostInWindow} in any ${options['window-s']} s` : ''));
  console.log(stats());
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(stop, options['max-seconds'] * 1000).unref();
