/**
 * deploy/ (issue 17, docs/service.md): the Kubernetes manifest parses, its Deployment and Service fit together and
 * fit the server (the Host check, the probes' paths, the CLI's options, memory for the runs it allows), and the
 * Dockerfile runs the same. Docker and a cluster are not needed: the files are read as data.
 *
 * YAML is read with `yaml` (in node_modules through vitest's vite and gofsh; no dependency added for it).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const deploy = join(root, 'deploy');

/** What a run holds besides its heap limit: the server when ready, HTTP thread and workers (docs/bench.md: 138–141 MB). */
const READY_RSS_MB = 160;
/** serve's default --timeout-seconds: SIGTERM lets a run under way finish, so the grace period must be longer. */
const DEFAULT_TIMEOUT_SECONDS = 120;

interface Probe {
  httpGet?: { path?: string; port?: string | number; httpHeaders?: { name: string; value: string }[] };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean; capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec: {
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    ports?: { port: number; targetPort: string | number }[];
    template?: {
      metadata: { labels: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds?: number;
        securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
        containers: Container[];
        volumes?: { name: string }[];
      };
    };
  };
}

function manifests(): Manifest[] {
  const out: Manifest[] = [];
  for (const f of readdirSync(deploy).filter((n) => /\.ya?ml$/.test(n))) {
    for (const doc of parseAllDocuments(readFileSync(join(deploy, f), 'utf8'))) {
      expect(doc.errors, f).toEqual([]);
      out.push(doc.toJS() as Manifest);
    }
  }
  return out;
}

/** `512Mi`, `1Gi`, `1G` … in MB (MiB). */
function mebibytes(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(q);
  if (!m) throw new Error(`not a memory quantity: ${q}`);
  const factor: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, K: 1e3 / 2 ** 20, M: 1e6 / 2 ** 20, G: 1e9 / 2 ** 20 };
  return Number(m[1]) * (m[2] ? factor[m[2]]! : 1 / 2 ** 20);
}

/** The value after `flag` in args (the last one), or undefined. */
function option(args: readonly string[], flag: string): string | undefined {
  const i = args.lastIndexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

describe('deploy/: the Kubernetes manifest', () => {
  const all = manifests();
  const deployment = all.find((m) => m.kind === 'Deployment')!;
  const service = all.find((m) => m.kind === 'Service')!;
  const pod = deployment.spec.template!.spec;
  const container = pod.containers[0]!;
  const args = container.args ?? [];

  it('holds a Deployment and a Service that selects its pods, on the container port', () => {
    expect(deployment.apiVersion).toBe('apps/v1');
    expect(service.apiVersion).toBe('v1');
    const labels = deployment.spec.template!.metadata.labels;
    for (const [k, v] of Object.entries(deployment.spec.selector?.matchLabels ?? {})) expect(labels[k]).toBe(v);
    for (const [k, v] of Object.entries(service.spec.selector ?? {})) expect(labels[k]).toBe(v);
    const port = container.ports![0]!;
    for (const p of service.spec.ports ?? []) {
      expect([port.name, port.containerPort]).toContain(p.targetPort);
      // the Host check compares the port too: a client's "<service>:<port>" must name the server's own port
      expect(p.port).toBe(port.containerPort);
    }
  });

  it('runs medcom-ig serve on every interface, on the container port, answering the Service by its names', () => {
    expect([...(container.command ?? []), ...args].slice(0, 2)).toEqual(['medcom-ig', 'serve']);
    expect(option(args, '--host')).toBe('0.0.0.0');
    expect(Number(option(args, '--port'))).toBe(container.ports![0]!.containerPort);
    const allowed = args.filter((_, i) => args[i - 1] === '--allow-host');
    expect(allowed).toContain(service.metadata.name);
    expect(allowed.some((h) => h.startsWith(`${service.metadata.name}.`) && h.endsWith('.svc.cluster.local'))).toBe(true);
  });

  it('uses only options that `medcom-ig serve` has', () => {
    const help = spawnSync(process.execPath, [join(root, 'bin', 'medcom-ig.js'), 'serve', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    const flags = args.filter((a) => a.startsWith('--'));
    expect(flags.length).toBeGreaterThan(3);
    for (const f of flags) expect(help.stdout, f).toMatch(new RegExp(`(^|[ ,])${f}\\b`, 'm'));
  });

  it('is ready on /readyz and alive on /healthz, probed with a Host the server answers', () => {
    expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(container.livenessProbe?.httpGet?.path).toBe('/healthz');
    const port = container.ports![0]!;
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe].filter((p) => p !== undefined)) {
      expect([port.name, port.containerPort]).toContain(probe.httpGet?.port);
      const host = probe.httpGet?.httpHeaders?.find((h) => h.name.toLowerCase() === 'host')?.value;
      expect(host).toBe(`localhost:${port.containerPort}`);
    }
  });

  it('runs as a non-root user on a read-only root file system, /tmp writable, nothing escalated', () => {
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    expect(pod.securityContext?.runAsUser).not.toBe(0);
    expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
    expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
    expect(container.securityContext?.capabilities?.drop).toContain('ALL');
    const tmp = container.volumeMounts?.find((v) => v.mountPath === '/tmp');
    expect(pod.volumes?.map((v) => v.name)).toContain(tmp?.name);
  });

  it('has the memory for the runs it allows, and the grace period for a run under way', () => {
    const limit = mebibytes(container.resources?.limits?.['memory'] ?? '0');
    expect(mebibytes(container.resources?.requests?.['memory'] ?? '0')).toBeLessThanOrEqual(limit);
    const runs = Number(option(args, '--workers'));
    const heap = Number(option(args, '--max-run-memory-mb'));
    expect(runs).toBeGreaterThan(0);
    expect(READY_RSS_MB + runs * heap).toBeLessThanOrEqual(limit);
    // as many runs as the CPU limit has cores (Node counts the node's cores, not the pod's)
    expect(runs).toBe(Number(container.resources?.limits?.['cpu']));
    const timeout = Number(option(args, '--timeout-seconds') ?? DEFAULT_TIMEOUT_SECONDS);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(timeout);
  });
});

describe('deploy/Dockerfile', () => {
  const text = readFileSync(join(deploy, 'Dockerfile'), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

  it('builds on node:20-slim, installs the packed tarball offline, and runs serve as a non-root user', () => {
    const froms = lines.filter((l) => l.startsWith('FROM '));
    expect(froms.length).toBe(2);
    for (const f of froms) expect(f).toMatch(/^FROM node:20-slim\b/);
    expect(text).toMatch(/npm pack --ignore-scripts/);
    expect(text).toMatch(/npm install -g --offline\b/);
    const user = lines.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/\b(root|0)\s*$/);
    expect(lines.find((l) => l.startsWith('ENTRYPOINT '))).toBe('ENTRYPOINT ["medcom-ig"]');
    const cmd = JSON.parse(lines.find((l) => l.startsWith('CMD '))!.slice(4)) as string[];
    expect(cmd.slice(0, 1)).toEqual(['serve']);
    expect(option(cmd, '--host')).toBe('0.0.0.0');
    expect(lines).toContain(`EXPOSE ${option(cmd, '--port')}`);
  });
});
