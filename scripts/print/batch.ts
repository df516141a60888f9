/**
 * A batch folder written whole or not at all: files go to a hidden temp folder beside it, which
 * is renamed into place at the end; on failure (or Ctrl-C) the temp folder is removed.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class Batch {
  readonly tmp: string;
  private finished = false;
  private readonly cleanup = () => {
    this.abort();
    process.exit(130);
  };

  constructor(readonly dir: string) {
    if (existsSync(dir) && !existsSync(join(dir, 'manifest.json')))
      throw new Error(`${dir} exists and is not an export batch (no manifest.json): choose another --out`);
    this.tmp = join(dirname(dir), `.${basename(dir)}.${process.pid}.tmp`);
    mkdirSync(this.tmp, { recursive: true });
    process.once('SIGINT', this.cleanup);
    process.once('SIGTERM', this.cleanup);
  }

  write(name: string, data: string | Uint8Array): number {
    writeFileSync(join(this.tmp, name), data);
    return typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  }

  path(name: string): string {
    return join(this.tmp, name);
  }

  /** Replaces an earlier batch of the same name (it has a manifest: checked above). */
  commit(): void {
    const old = `${this.tmp}.old`;
    if (existsSync(this.dir)) renameSync(this.dir, old);
    renameSync(this.tmp, this.dir);
    rmSync(old, { recursive: true, force: true });
    this.finished = true;
    this.detach();
  }

  abort(): void {
    if (!this.finished) rmSync(this.tmp, { recursive: true, force: true });
    this.finished = true;
    this.detach();
  }

  private detach(): void {
    process.off('SIGINT', this.cleanup);
    process.off('SIGTERM', this.cleanup);
  }
}
