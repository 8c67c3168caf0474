// The simulated AWS of `npm run bench:scan`, in a process of its own (forked by bench/scan.ts), so
// the fake's request handling does not take CPU from the scan it measures: real AWS would not.
import { FakeAws } from "@/server/sources/aws/testing/fake-aws";
import { addScaleEstate, type ScaleEstateOptions } from "@/server/sources/aws/testing/scale-estate";

export type FakeConfig = ScaleEstateOptions & { latencyMs: number };
export type FakeStats = {
  calls: { service: string; operation: string }[];
  maxInFlight: number;
  tally: ReturnType<ReturnType<typeof addScaleEstate>["callTally"]>;
  /** Requests in flight at the fake: [ms since the first call, count], sampled about every 20 ms. */
  inFlight: [number, number][];
  /** CPU time of the process the fake runs in, since it started. */
  cpuMs: number;
};
export type ToFake = { type: "stats" } | { type: "stop" };
export type FromFake = { type: "ready"; url: string; accounts: { id: string; name: string }[] } | ({ type: "stats" } & FakeStats);

/** Starts the fake endpoint with the scale estate; used in-process too (--fake inline). */
export async function startFake(config: FakeConfig) {
  const cpu = process.cpuUsage();
  const fake = new FakeAws();
  fake.latencyMs = config.latencyMs;
  const estate = addScaleEstate(fake, config);
  const url = await fake.start();
  const inFlight: [number, number][] = [];
  let first: number | undefined;
  const sampler = setInterval(() => {
    if (fake.calls.length === 0) return;
    first ??= performance.now();
    // The count is private to FakeAws; the benchmark only reads it.
    inFlight.push([performance.now() - first, fake["inFlight"]]);
  }, 20);
  const stats = (): FakeStats => {
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    return { calls: fake.calls, maxInFlight: fake.maxInFlight, tally: estate.callTally(), inFlight, cpuMs };
  };
  const stop = async () => {
    clearInterval(sampler);
    await fake.stop();
  };
  return { url, accounts: estate.accounts, stats, stop };
}

async function serve(config: FakeConfig): Promise<void> {
  const send = (message: FromFake) => process.send?.(message);
  const fake = await startFake(config);
  process.on("message", (message: ToFake) => {
    if (message.type === "stats") send({ type: "stats", ...fake.stats() });
    else void fake.stop().then(() => process.exit(0));
  });
  send({ type: "ready", url: fake.url, accounts: fake.accounts });
}

if (require.main === module && process.send !== undefined) {
  void serve(JSON.parse(process.argv[2] ?? "{}") as FakeConfig);
}
