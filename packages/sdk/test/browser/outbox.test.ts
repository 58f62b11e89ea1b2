// The outbox in a real browser, over real IndexedDB and Web Locks. A "reload" is a second outbox instance on the
// same database, as the next page load would create; a second tab is an iframe with its own copy of the module.
import { expect, oneEvent } from '@open-wc/testing';
import type { RightsBackend, SubmitOptions } from '../../src/backend.js';
import { createClient } from '../../src/client.js';
import type { PetitionInput, Receipt } from '../../src/contract/petition.js';
import { ConflictError, NetworkError, ServerError, ValidationError } from '../../src/errors.js';
import { createOutbox, deleteOutboxDatabase, OUTBOX_DB_NAME, type Outbox } from '../../src/outbox/outbox.js';
import { createPinKey, type PinKey } from '../../src/pin.js';
import { budget } from '../../../../test/support/budget-browser.mjs';

const PIN = '482913';

const petition: PetitionInput = {
  category: 'domestic-violence',
  description: '邻居家每晚都有争吵和哭声，我很担心她的安全。',
  onBehalfOf: 'other',
  anonymous: true,
  consent: true,
};

/** A backend that fails as told, holds answers behind a gate, and counts what it delivered per idempotency key. */
class FakeBackend implements RightsBackend {
  /** Thrown by the next calls, in order. */
  failNext: Error[] = [];
  /** Thrown by every call while set (the network is down, the server is broken). */
  failAlways: (() => Error) | undefined;
  /** While set, calls wait for it before answering. */
  gate: Promise<void> | undefined;
  calls = 0;
  inFlight = 0;
  /** Forgets what happened so far (after a test has set its scene). */
  reset(): void {
    this.calls = 0;
    this.maxInFlight = 0;
    this.deliveries.clear();
    this.keys.length = 0;
  }
  maxInFlight = 0;
  readonly deliveries = new Map<string, number>();
  readonly keys: string[] = [];

  async submitPetition(_input: PetitionInput, options: SubmitOptions): Promise<Receipt> {
    this.calls++;
    this.keys.push(options.idempotencyKey);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.gate;
      const failure = this.failNext.shift() ?? this.failAlways?.();
      if (failure) throw failure;
      const count = (this.deliveries.get(options.idempotencyKey) ?? 0) + 1;
      this.deliveries.set(options.idempotencyKey, count);
      return { reference: `RK-2026-7K3Q9${count}`, accessCode: '7K3Q9M2XPA', status: 'received', submittedAt: new Date().toISOString() };
    } finally {
      this.inFlight--;
    }
  }
  totalDeliveries(): number {
    return [...this.deliveries.values()].reduce((a, b) => a + b, 0);
  }
  listCategories(): never {
    throw new Error('not used');
  }
  lookupCase(): never {
    throw new Error('not used');
  }
  listStations(): never {
    throw new Error('not used');
  }
  listHotlines(): never {
    throw new Error('not used');
  }
  getStats(): never {
    throw new Error('not used');
  }
  staff = {
    listCases: (): never => {
      throw new Error('not used');
    },
    getCase: (): never => {
      throw new Error('not used');
    },
    updateCase: (): never => {
      throw new Error('not used');
    },
    registerCase: (): never => {
      throw new Error('not used');
    },
  };
}

const offline = () => new NetworkError('Failed to fetch');

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createOutbox', () => {
  // One key for the whole file: deriving one costs 600,000 PBKDF2 iterations.
  let key: PinKey;
  before(async () => {
    key = await createPinKey(PIN);
  });
  let dbName: string;
  let backend: FakeBackend;
  let opened: Outbox[];
  // A long backoff, so only what a test does (flush, `online`, a new instance) sends.
  const open = (options: { retryDelayMs?: number } = {}) => {
    const outbox = createOutbox({ client: createClient({ backend }), dbName, retryDelayMs: options.retryDelayMs ?? 60_000 });
    opened.push(outbox);
    return outbox;
  };

  beforeEach(() => {
    dbName = `rights-kit-outbox-test-${crypto.randomUUID()}`;
    backend = new FakeBackend();
    opened = [];
  });

  afterEach(async () => {
    for (const outbox of opened) outbox.close();
    await deleteOutboxDatabase(dbName);
  });

  it('sends at once when it can, and keeps nothing (the form shows the Receipt)', async () => {
    const outbox = open();
    const result = await outbox.submit(petition, { pin: key });
    expect(result.status).to.equal('sent');
    expect(backend.totalDeliveries()).to.equal(1);
    expect(await outbox.entries()).to.deep.equal([]);
  });

  it('keeps a petition typed offline and sends it once when back online', async () => {
    backend.failAlways = offline;
    const outbox = open();
    const queued = oneEvent(outbox, 'queued');
    const result = await outbox.submit(petition, { pin: key });
    expect(result.status).to.equal('queued');
    if (result.status !== 'queued') return;
    expect((await queued).detail.id).to.equal(result.id);
    const [entry] = await outbox.entries();
    expect(entry).to.include({ id: result.id, state: 'pending', unlocked: true });
    expect(backend.totalDeliveries()).to.equal(0);

    backend.failAlways = undefined;
    const sent = oneEvent(outbox, 'sent');
    window.dispatchEvent(new Event('online'));
    const { detail } = await sent;
    expect(detail.id).to.equal(result.id);
    expect(backend.deliveries.get(result.idempotencyKey)).to.equal(1);
    expect(backend.totalDeliveries()).to.equal(1);
    // Every attempt used the same idempotency key.
    expect(new Set(backend.keys)).to.deep.equal(new Set([result.idempotencyKey]));
  });

  it('queues without trying while the browser reports no connection, and sends on the online event', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    let result;
    const outbox = open();
    try {
      result = await outbox.submit(petition, { pin: key });
    } finally {
      delete (navigator as { onLine?: boolean }).onLine; // back to Navigator.prototype's getter
    }
    expect(result.status).to.equal('queued');
    expect(backend.calls).to.equal(0);
    const sent = oneEvent(outbox, 'sent');
    window.dispatchEvent(new Event('online'));
    await sent;
    expect(backend.totalDeliveries()).to.equal(1);
  });

  it('survives a reload: the next visit sends it once only after her PIN, and keeps nothing after', async () => {
    backend.failAlways = offline;
    const first = open();
    const result = await first.submit(petition, { pin: key, idempotencyKey: 'host-chosen-key-0001' });
    if (result.status !== 'queued') throw new Error('expected queued');
    expect(result.idempotencyKey).to.equal('host-chosen-key-0001');
    first.close(); // the page goes away, and the key with it

    backend.failAlways = undefined;
    backend.reset();
    const reloaded = open();
    expect(await reloaded.flush()).to.deep.equal({ sent: 0, failed: 0, pending: 0, locked: 1 });
    expect(backend.calls, 'nothing is sent without the PIN').to.equal(0);
    const [entry] = await reloaded.entries();
    expect(entry).to.deep.include({ id: result.id, state: 'pending', unlocked: false, wrongPins: 0 });
    expect(entry).not.to.have.property('input');

    const unlocked = await reloaded.unlock(result.id, PIN);
    if (unlocked.status !== 'sent') throw new Error(`expected sent, got ${unlocked.status}`);
    expect(unlocked.receipt.accessCode).to.equal('7K3Q9M2XPA');
    expect(backend.deliveries.get('host-chosen-key-0001')).to.equal(1);
    expect(await reloaded.entries()).to.deep.equal([]);
    await reloaded.flush();
    expect(backend.totalDeliveries()).to.equal(1);
  });

  it('keeps the entry while the server has not answered (a tab closed mid-send keeps it)', async () => {
    const gate = deferred();
    backend.gate = gate.promise;
    const outbox = open();
    const submitting = outbox.submit(petition, { pin: key });
    // The entry is committed before the request goes out and stays while it is in flight.
    await waitFor(() => backend.calls === 1);
    const other = open(); // another page reading the same database
    const entries = await other.entries();
    expect(entries).to.have.length(1);
    expect(entries[0]).to.include({ state: 'pending' });
    gate.resolve();
    expect((await submitting).status).to.equal('sent');
    expect(await other.entries()).to.deep.equal([]);
  });

  it('keeps the entry on a 5xx and tries again with the same key', async () => {
    backend.failAlways = () => new ServerError('Service unavailable', { status: 503, code: 'unavailable' });
    const outbox = open();
    const result = await outbox.submit(petition, { pin: key });
    expect(result.status).to.equal('queued');
    expect(await outbox.flush()).to.deep.equal({ sent: 0, failed: 0, pending: 1, locked: 0 });
    const [entry] = await outbox.entries();
    expect(entry).to.include({ state: 'pending', attempts: 2, lastError: 'ServerError' });
    expect(new Set(backend.keys).size).to.equal(1);
  });

  it('keeps retrying on its backoff timer while entries remain', async () => {
    backend.failNext = [offline(), offline(), offline()];
    const outbox = open({ retryDelayMs: 5 });
    const retrying = oneEvent(outbox, 'retrying');
    const sent = oneEvent(outbox, 'sent');
    const result = await outbox.submit(petition, { pin: key });
    expect(result.status).to.equal('queued');
    expect((await retrying).detail.pending).to.be.greaterThan(0);
    await sent;
    expect(backend.calls).to.equal(4);
    expect(backend.totalDeliveries()).to.equal(1);
  });

  it('throws a ValidationError for an invalid petition and queues nothing', async () => {
    const outbox = open();
    let error: unknown;
    try {
      await outbox.submit({ ...petition, description: 'short' }, { pin: key });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).to.include('description');
    expect(backend.calls).to.equal(0);
    expect(await outbox.entries()).to.deep.equal([]);
  });

  it('hands a petition the server rejects back with a failed event and removes it', async () => {
    backend.failNext = [offline()];
    const outbox = open();
    const result = await outbox.submit(petition, { pin: key });
    expect(result.status).to.equal('queued');

    const issues = [{ path: 'category', code: 'unknown_category', message: 'Unknown category.' }];
    backend.failNext = [new ValidationError('Petition is not valid.', issues, { status: 400 })];
    const failed = oneEvent(outbox, 'failed');
    expect(await outbox.flush()).to.deep.equal({ sent: 0, failed: 1, pending: 0, locked: 0 });
    const { detail } = await failed;
    expect(detail.error).to.be.instanceOf(ValidationError);
    expect(detail.input).to.deep.equal(petition);
    expect(await outbox.entries()).to.deep.equal([]);
  });

  it('throws a conflict the server answers at once, and keeps nothing', async () => {
    backend.failNext = [new ConflictError('Key reused with another body.', { status: 422, code: 'idempotency_key_reused' })];
    const outbox = open();
    let error: unknown;
    try {
      await outbox.submit(petition, { pin: key });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ConflictError);
    expect(await outbox.entries()).to.deep.equal([]);
  });

  it('keeps an entry while the server says the same key is still in flight', async () => {
    backend.failNext = [new ConflictError('In flight.', { status: 409, code: 'idempotency_key_in_flight' })];
    const outbox = open();
    expect((await outbox.submit(petition, { pin: key })).status).to.equal('queued');
    expect(await outbox.entries()).to.have.length(1);
  });

  it('delivers once when two outboxes unlock and flush the same entry at the same time', async () => {
    backend.failAlways = offline;
    const writer = open();
    const queued = await writer.submit(petition, { pin: key });
    if (queued.status !== 'queued') throw new Error('expected queued');
    writer.close();
    backend.failAlways = undefined;
    backend.reset();

    const gate = deferred();
    backend.gate = gate.promise;
    const a = open();
    const b = open();
    const attempts = Promise.all([a.unlock(queued.id, PIN), b.unlock(queued.id, PIN), a.flush(), b.flush()]);
    await waitFor(() => backend.calls >= 1);
    gate.resolve();
    await attempts;
    await Promise.all([a.flush(), b.flush()]);
    expect(backend.totalDeliveries()).to.equal(1);
    expect(backend.maxInFlight).to.equal(1);
    expect(backend.calls).to.equal(1);
  });

  it('delivers once when two tabs (separate module copies, shared Web Locks) send at the same time', async () => {
    expect(typeof navigator.locks?.request, 'Web Locks').to.equal('function');
    backend.failAlways = offline;
    const writer = open();
    const queued = await writer.submit(petition, { pin: key });
    if (queued.status !== 'queued') throw new Error('expected queued');
    writer.close();
    backend.failAlways = undefined;
    backend.reset();

    const gate = deferred();
    backend.gate = gate.promise;
    const here = open();
    const other = await outboxInOtherTab(dbName, backend);
    opened.push(other);
    const attempts = Promise.all([here.unlock(queued.id, PIN), other.unlock(queued.id, PIN)]);
    await waitFor(() => backend.calls >= 1);
    gate.resolve();
    const results = (await attempts).map((r) => r.status).sort();
    // One tab sent it; the other found it busy (and waits) or already gone.
    expect(results).to.include('sent');
    await Promise.all([here.flush(), other.flush()]);
    expect(backend.totalDeliveries()).to.equal(1);
    expect(backend.calls).to.equal(1);
  });

  it('acknowledge removes only a delivered entry', async () => {
    backend.failAlways = offline;
    const outbox = open();
    const result = await outbox.submit(petition, { pin: key });
    if (result.status !== 'queued') throw new Error('expected queued');
    expect(await outbox.acknowledge(result.id)).to.equal(false);
    expect(await outbox.entries()).to.have.length(1);

    backend.failAlways = undefined;
    const sent = oneEvent(outbox, 'sent');
    await outbox.flush();
    await sent;
    expect(await outbox.acknowledge(result.id)).to.equal(true);
    expect(await outbox.entries()).to.deep.equal([]);
  });

  it('clear() removes everything, and a send finishing after it does not bring the entry back', async () => {
    backend.failAlways = offline;
    const outbox = open();
    await outbox.submit(petition, { pin: key });
    backend.failAlways = undefined;
    const gate = deferred();
    backend.gate = gate.promise;
    const flushing = outbox.flush();
    await waitFor(() => backend.calls === 2);
    await outbox.clear();
    gate.resolve();
    expect(await flushing).to.include({ sent: 1 });
    expect(await outbox.entries()).to.deep.equal([]);
  });

  it('lets quick exit delete the database while an outbox is open', async () => {
    backend.failAlways = offline;
    const outbox = open();
    await outbox.submit(petition, { pin: key });
    await deleteOutboxDatabase(dbName);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.to.include(dbName);
    expect(OUTBOX_DB_NAME).to.equal('rights-kit-outbox');
  });
});

/** Polls every 5 ms; gives up after 2.5 s on a quiet machine, longer on a loaded one (test/support/budget.mjs). */
async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + budget(2500);
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition never became true');
}

/** An outbox created by a second copy of the module in an iframe: its own in-page guard, the same Web Locks. */
async function outboxInOtherTab(dbName: string, backend: RightsBackend): Promise<Outbox> {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  const frame = iframe.contentWindow as Window & { Function: FunctionConstructor };
  const url = new URL('../../src/outbox/outbox.ts', import.meta.url).href;
  const load = new frame.Function('url', 'return import(url)') as (url: string) => Promise<typeof import('../../src/outbox/outbox.js')>;
  const mod = await load(url);
  const outbox = mod.createOutbox({ client: createClient({ backend }), dbName, retryDelayMs: 60_000 });
  const close = outbox.close.bind(outbox);
  outbox.close = () => {
    close();
    iframe.remove();
  };
  return outbox;
}
