/**
 * The self-test page's script without a browser (test/serve/browser.test.ts drives it in Chromium
 * when one is installed): run in a VM context with a stub DOM and fetch, it waits and tries again
 * when the server is busy (503 + Retry-After), and shows report.html from the answer's files — the
 * one copy of the report the server sends.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { APP_JS } from '../../src/serve/page.js';

type Listener = (event: unknown) => unknown;

class Element {
  textContent = '';
  className = '';
  disabled = false;
  hidden = true;
  value = '';
  srcdoc = '';
  files: unknown[] = [];
  readonly children: Element[] = [];
  readonly listeners = new Map<string, Listener>();
  readonly classList = { add: (): void => undefined, remove: (): void => undefined };
  addEventListener(type: string, fn: Listener): void {
    this.listeners.set(type, fn);
  }
  appendChild(child: Element): Element {
    this.children.push(child);
    return child;
  }
  querySelector(): { value: string } {
    return { value: 'validate' };
  }
}

interface FakeResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

function respond(status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse {
  return { status, ok: status < 300, headers: { get: (n) => headers[n.toLowerCase()] ?? null }, json: () => Promise.resolve(body) };
}

describe('the self-test page script', () => {
  it('tries again after a 503 with Retry-After and shows report.html from the files', async () => {
    const elements = new Map<string, Element>();
    const byId = (id: string): Element => {
      let e = elements.get(id);
      if (!e) {
        e = new Element();
        elements.set(id, e);
      }
      return e;
    };
    const html = '<!doctype html><html><body>the one report</body></html>';
    const answers = [
      respond(503, { error: 'busy', code: 'busy' }, { 'retry-after': '5' }),
      respond(200, {
        kind: 'validation',
        summary: { files: 1, valid: 1, errors: 0, warnings: 0, information: 0 },
        files: [
          { name: 'report.json', type: 'application/json', content: '{}' },
          { name: 'report.html', type: 'text/html', content: html },
        ],
      }),
    ];
    const posts: string[] = [];
    const waits: number[] = [];
    const context = {
      document: { getElementById: byId, createElement: () => new Element() },
      fetch: (url: string, init?: { method?: string }) => {
        if (init?.method === 'POST') {
          posts.push(url);
          return Promise.resolve(answers.shift());
        }
        return Promise.resolve(respond(200, { limits: { maxBodyBytes: 1e6, maxFiles: 5 }, standards: [], protocols: [] }));
      },
      setTimeout: (fn: () => void, ms: number) => {
        waits.push(ms);
        fn();
        return 0;
      },
      URL: { createObjectURL: () => 'blob:x' },
      Blob: class {},
      btoa: (s: string) => Buffer.from(s, 'latin1').toString('base64'),
      atob: (s: string) => Buffer.from(s, 'base64').toString('latin1'),
      Uint8Array,
      Array,
      String,
      Number,
      Math,
      Object,
      JSON,
      Promise,
    };
    runInNewContext(APP_JS, context);
    byId('files').files = [{ name: 'a.json', size: 2, arrayBuffer: () => Promise.resolve(new TextEncoder().encode('{}').buffer) }];
    byId('files').listeners.get('change')!({});
    await byId('form').listeners.get('submit')!({ preventDefault: () => undefined });
    expect(posts).toEqual(['/api/validate', '/api/validate']);
    expect(waits).toContain(5000);
    expect(byId('report').srcdoc).toBe(html);
    expect(byId('result').hidden).toBe(false);
    expect(byId('status').className).toBe('');
  });
});
