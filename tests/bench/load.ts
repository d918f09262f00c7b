// A small HTTP load generator: `connections` keep-alive connections each sending GETs back to back
// for `seconds`; reports requests per second and latency percentiles. Run in its own process so it
// does not share the server's event loop.
import http from 'node:http';
import { percentile } from './stats.ts';

export async function load(url: string, cookie: string, connections: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      http
        .get(url, { agent, headers: { cookie } }, (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) latencies.push(performance.now() - t);
            else errors++;
            resolve();
          });
        })
        .on('error', () => {
          errors++;
          resolve();
        });
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, async () => { while (performance.now() < until) await once(); }));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), errors };
}

// As a child process: node --import tsx tests/bench/load.ts URL COOKIE CONNECTIONS SECONDS → JSON on stdout
if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, cookie, connections, seconds] = process.argv.slice(2);
  console.log(JSON.stringify(await load(url!, cookie!, Number(connections), Number(seconds))));
}
