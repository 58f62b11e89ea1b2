import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { AbortedError } from '@rights-kit/sdk';
import { DataTask } from './data-task.js';

/** A promise the test settles by hand, remembering the signal it was started with. */
interface Call {
  args: readonly unknown[];
  signal: AbortSignal;
  resolve(value: string): void;
  reject(error: unknown): void;
}

class TaskHost extends LitElement {
  static override properties = { query: {}, client: { attribute: false } };
  query = 'a';
  client: object | undefined = {};
  calls: Call[] = [];
  completed: string[] = [];
  failed: unknown[] = [];
  renders: string[] = [];
  task = new DataTask(this, {
    args: () => (this.client ? ([this.client, this.query] as const) : undefined),
    task: (args, signal) =>
      new Promise<string>((resolve, reject) => {
        this.calls.push({ args, signal, resolve, reject });
      }),
    onComplete: (value) => this.completed.push(value),
    onError: (error) => this.failed.push(error),
  });
  override render() {
    this.renders.push(this.task.status);
    return html`<p>${this.task.status}:${this.task.value ?? ''}</p>`;
  }
}
customElements.define('test-task-host', TaskHost);

const settle = async (el: TaskHost) => {
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
};

describe('DataTask', () => {
  it('runs when its arguments change, renders pending then the answer, and not again for the same arguments', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    expect(el.calls).to.have.length(1);
    expect(el.task.loading).to.equal(true);
    expect(el.renders[0]).to.equal('pending');
    el.calls[0]!.resolve('A');
    await settle(el);
    expect(el.task.status).to.equal('complete');
    expect(el.shadowRoot!.textContent).to.contain('complete:A');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.calls).to.have.length(1);
    el.query = 'b';
    await el.updateComplete;
    expect(el.calls).to.have.length(2);
    expect(el.calls[1]!.args[1]).to.equal('b');
  });

  it('aborts the previous request and drops its late answer', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    el.query = 'b';
    await el.updateComplete;
    const [first, second] = el.calls;
    expect(first!.signal.aborted).to.equal(true);
    expect(second!.signal.aborted).to.equal(false);
    second!.resolve('B');
    first!.resolve('A, late');
    await settle(el);
    expect(el.task.value).to.equal('B');
    expect(el.completed).to.deep.equal(['B']);
  });

  it('does not run without arguments (no client yet), and runs once they come', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host .client=${undefined}></test-task-host>`);
    expect(el.calls).to.have.length(0);
    expect(el.task.status).to.equal('initial');
    el.client = {};
    await el.updateComplete;
    expect(el.calls).to.have.length(1);
  });

  it('exposes the error of the latest run and reports it once', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    const boom = new Error('boom');
    el.calls[0]!.reject(boom);
    await settle(el);
    expect(el.task.status).to.equal('error');
    expect(el.task.error).to.equal(boom);
    expect(el.failed).to.deep.equal([boom]);
  });

  it('treats an abort from outside (quick exit) as no answer and no error, and keeps the last value', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    el.calls[0]!.resolve('A');
    await settle(el);
    const pending = el.task.run();
    el.calls[1]!.reject(new AbortedError('The request was aborted.', { code: 'aborted' }));
    expect(await pending).to.equal(undefined);
    await settle(el);
    expect(el.task.status).to.equal('complete');
    expect(el.task.value).to.equal('A');
    expect(el.failed).to.have.length(0);
  });

  it('forgets its value on clear() and drops the answer of a run still in flight', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    el.calls[0]!.resolve('A');
    await settle(el);
    void el.task.run();
    el.task.clear();
    expect(el.calls[1]!.signal.aborted).to.equal(true);
    el.calls[1]!.resolve('secret');
    await settle(el);
    expect(el.task.value).to.equal(undefined);
    expect(el.task.status).to.equal('initial');
    expect(el.shadowRoot!.textContent).not.to.contain('secret');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.calls).to.have.length(2, 'same arguments: no new run after clear()');
  });

  it('aborts a run when the host leaves the page and runs it again when it comes back', async () => {
    const el = await fixture<TaskHost>(html`<test-task-host></test-task-host>`);
    const parent = el.parentNode!;
    el.remove();
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    parent.appendChild(el);
    await el.updateComplete;
    expect(el.calls).to.have.length(2);
    el.calls[1]!.resolve('again');
    await settle(el);
    expect(el.task.value).to.equal('again');
  });
});
