// A latency probe in its own process (so that the bench's own work — zipping, uploading — does not
// delay it): asks `url` every `everyMs` milliseconds, on a timer and not after the previous answer
// (a stalled server then shows as the long waits it causes, not as fewer samples), until the parent
// sends "stop" (it says "ready" at its first answer); then sends back every answer's time in milliseconds, when it was asked (Date.now(), to
// line the answers up with the parent's phases), and how many failed.
// Run by import-responsiveness.ts through child_process.fork.
const [url, everyArg] = process.argv.slice(2);
const everyMs = Number(everyArg ?? 10);
const samples: number[] = [];
const sentAt: number[] = [];
let failed = 0;
const pending = new Set<Promise<void>>();

const timer = setInterval(() => {
  const started = performance.now();
  const at = Date.now();
  const ask = fetch(url!)
    .then(async (res) => {
      await res.arrayBuffer();
      if (!res.ok) return void failed++;
      samples.push(performance.now() - started);
      sentAt.push(at);
      // The parent starts what it measures once the probe is asking.
      if (samples.length === 1) process.send!('ready');
    })
    .catch(() => void failed++)
    .finally(() => pending.delete(ask));
  pending.add(ask);
}, everyMs);

process.on('message', async (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  await Promise.all(pending);
  process.send!({ samples, sentAt, failed }, () => process.exit(0));
});
