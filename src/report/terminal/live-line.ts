import type { Writable } from 'node:stream';

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * One status line redrawn in place on a terminal (spinner + elapsed time ticking), with permanent
 * lines printed above it. Only used when the stream is a TTY; CI logs get plain lines instead.
 */
export class LiveLine {
  private timer: NodeJS.Timeout | undefined;
  private frame = 0;
  private text = '';
  private readonly started = Date.now();

  constructor(private readonly out: Writable & { columns?: number }) {}

  start(): void {
    this.timer ??= setInterval(() => this.draw(), 120);
    this.timer.unref();
  }

  set(text: string): void {
    this.text = text;
    this.draw();
  }

  /** Prints a line that stays, then redraws the status line under it. */
  print(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
    this.draw();
  }

  private clear(): void {
    this.out.write('\r\x1b[2K');
  }

  private draw(): void {
    if (!this.text) return;
    const elapsed = `${((Date.now() - this.started) / 1000).toFixed(1)}s`;
    const line = `${SPINNER[this.frame++ % SPINNER.length]} ${this.text} · ${elapsed}`;
    const max = Math.max(20, (this.out.columns ?? 100) - 1);
    this.clear();
    this.out.write(line.length > max ? `${line.slice(0, max - 1)}…` : line);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.text) this.clear();
    this.text = '';
  }
}
