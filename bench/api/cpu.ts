// CPU accounting from /proc (Linux), so a run can tell how much of the machine other work took:
// on a 2-core machine a concurrent test suite halves every number, and the report must say so.
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';

/** Clock ticks per second of /proc's utime/stime; 100 on every Linux we run on. */
const TICKS_PER_SECOND = 100;

/** Busy and total jiffies of the whole machine, from the `cpu` line of /proc/stat. */
function machineJiffies(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] as string;
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user)
    const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** utime + stime of one process, in jiffies; 0 when it is gone. */
function processJiffies(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start at state; utime, stime are 14, 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return 0;
  }
}

/** Pids of running processes whose command name is `comm` (e.g. the Postgres server and backends). */
function pidsNamed(comm: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

/** Where the machine's CPU went during a measured window, in cores (1 = one core busy throughout). */
export interface CpuShare {
  /** The load generator (this process). */
  loadGenerator: number;
  /** The server child. */
  server: number;
  /** Postgres processes (when the target uses Postgres: ours and any other client's; else 0, counted in `other`). */
  postgres: number;
  /** Everything else: other work on the machine, competing with the benchmark. */
  other: number;
  /** Cores of the machine. */
  cores: number;
}

/** Starts accounting; `stop()` returns the shares since the start. */
export function startCpuAccounting(serverPid: number, opts: { usesPostgres: boolean }): { stop(): CpuShare | null } {
  const t0 = process.hrtime.bigint();
  const m0 = machineJiffies();
  const pg0 = new Map(pidsNamed('postgres').map((pid) => [pid, processJiffies(pid)]));
  const s0 = processJiffies(serverPid);
  const self0 = process.cpuUsage();
  return {
    stop() {
      const m1 = machineJiffies();
      if (!m0 || !m1) return null;
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const self = process.cpuUsage(self0);
      const loadGenerator = (self.user + self.system) / 1e6 / seconds;
      const server = (processJiffies(serverPid) - s0) / TICKS_PER_SECOND / seconds;
      // Backends that started during the window count from zero.
      let pgJiffies = 0;
      for (const pid of pidsNamed('postgres')) pgJiffies += processJiffies(pid) - (pg0.get(pid) ?? 0);
      const postgres = opts.usesPostgres ? Math.max(0, pgJiffies) / TICKS_PER_SECOND / seconds : 0;
      const busy = (m1.busy - m0.busy) / TICKS_PER_SECOND / seconds;
      const r = (x: number) => Math.round(x * 100) / 100;
      return { loadGenerator: r(loadGenerator), server: r(server), postgres: r(postgres), other: r(Math.max(0, busy - loadGenerator - server - postgres)), cores: os.availableParallelism() };
    },
  };
}

/** Fraction of the machine's CPU busy over the next `ms` milliseconds (null off Linux). */
export async function machineBusy(ms: number): Promise<number | null> {
  const a = machineJiffies();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = machineJiffies();
  if (!a || !b || b.total === a.total) return null;
  return (b.busy - a.busy) / (b.total - a.total);
}
