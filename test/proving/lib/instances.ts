/**
 * Server instances as child processes — the shipped binary, `node packages/server/dist/bin/rights-kit-server.js`,
 * configured by its environment — so a test can SIGKILL one mid-load and start it again. Everything the process
 * writes (stdout: the JSON request log; stderr: the banner and errors) is kept, to be grepped for secrets.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const SERVER_BIN = join(REPO, 'packages/server/dist/bin/rights-kit-server.js');
export { PG_ADMIN_URL, postgresAvailable } from '../../support/postgres.js';
import { freshPostgresDatabase } from '../../support/postgres.js';
import { budget } from '../../support/budget.mjs';

export interface InstanceOptions {
  /** A label for messages. */
  name: string;
  /** Environment of the binary (PORT defaults to 0, HOST to 127.0.0.1). */
  env: Record<string, string>;
  /** Every chunk the process writes, stdout and stderr, across restarts. */
  output: string[];
}

export class ServerInstance {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;
  /** `http://127.0.0.1:port`, without `/v1`, of the running process. */
  url = '';
  starts = 0;

  constructor(readonly options: InstanceOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the binary and resolves once it printed its API address. */
  async start(timeoutMs = budget(60_000)): Promise<string> {
    if (this.child) throw new Error(`${this.options.name} is already running`);
    const child = spawn(process.execPath, [SERVER_BIN], {
      cwd: REPO,
      // Load from one address is the point of these runs, not a flood: admission limits out of the way unless set.
      env: { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1', RIGHTS_KIT_SUBMITS_PER_CLIENT: '1000000', RIGHTS_KIT_SUBMITS_PER_MINUTE: '1000000', ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
    let stderr = '';
    const ready = new Promise<string>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.options.name} did not start within ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
      child.stdout!.on('data', (c: Buffer) => this.options.output.push(c.toString('utf8')));
      child.stderr!.on('data', (c: Buffer) => {
        const text = c.toString('utf8');
        this.options.output.push(text);
        stderr += text;
        const m = /API:\s+(http:\/\/[^\s/]+)\/v1/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolveReady(m[1]!);
        }
      });
      void this.exited!.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${this.options.name} exited with ${code} before it was ready:\n${stderr}`));
      });
    });
    this.url = await ready;
    return this.url;
  }

  /** SIGKILL: no cleanup, no graceful close — a crash. Resolves when the process is gone. */
  async kill(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await this.exited;
    this.child = undefined;
  }

  /** SIGTERM, then the graceful close of the binary. */
  async stop(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
    this.child = undefined;
  }
}

/** A fresh PostgreSQL database `rk_prove_<random>`; `drop()` removes it. */
export const freshDatabase = () => freshPostgresDatabase('rk_prove_');

export function tempDir(prefix = 'rk-prove-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Every form of a code a log could carry: as given (`7K3Q9-M2XPA`), without separators, lower case. */
export function codeForms(code: string): string[] {
  const bare = code.replace(/[\s-]/g, '');
  return [...new Set([code, bare, code.toLowerCase(), bare.toLowerCase()])];
}

/** The codes among `codes` that appear anywhere in `output`. */
export function leakedCodes(output: string[], codes: Iterable<string>): string[] {
  const text = output.join('');
  const leaked: string[] = [];
  for (const code of codes) if (codeForms(code).some((form) => text.includes(form))) leaked.push(code);
  return leaked;
}
