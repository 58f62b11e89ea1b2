// What the outbox leaves in IndexedDB, read back the way someone holding the phone would (every record of every
// store, as JSON), and what a later visit can do without and with her PIN.
import { expect } from '@open-wc/testing';
import type { RightsBackend, SubmitOptions } from '../../src/backend.js';
import { createClient } from '../../src/client.js';
import type { PetitionInput, Receipt } from '../../src/contract/petition.js';
import { NetworkError } from '../../src/errors.js';
import { createOutbox, deleteOutboxDatabase, type Outbox } from '../../src/outbox/outbox.js';
import { createPinKey, PinFormatError, type PinKey } from '../../src/pin.js';

const PIN = '482913';
const DESCRIPTION = '他昨晚把我锁在门外，手机也被他拿走了，请帮帮我。';
const RECEIPT: Receipt = { reference: 'RK-2026-Q7W3X', accessCode: 'H4T8KM2PZR', status: 'received', submittedAt: '2026-11-30T07:00:00.000Z' };
const petition: PetitionInput = { category: 'domestic-violence', description: DESCRIPTION, onBehalfOf: 'self', anonymous: true, consent: true };

/** Answers with RECEIPT, or fails with a network error while the network is `down`. */
function backend(network: () => { down: boolean; calls: number }): RightsBackend {
  return {
    async submitPetition(_input: PetitionInput, _options: SubmitOptions): Promise<Receipt> {
      const state = network();
      state.calls++;
      if (state.down) throw new NetworkError('Failed to fetch');
      return RECEIPT;
    },
  } as unknown as RightsBackend;
}

/** Every record of every store of the database, as text. */
async function dump(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  let text = '';
  for (const store of [...db.objectStoreNames]) {
    text += JSON.stringify(
      await new Promise<unknown[]>((resolve) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result);
      }),
    );
  }
  db.close();
  return text;
}

describe('the outbox, sealed under her PIN', () => {
  let key: PinKey;
  let dbName: string;
  let net: { down: boolean; calls: number };
  let opened: Outbox[];
  const open = () => {
    const outbox = createOutbox({ client: createClient({ backend: backend(() => net) }), dbName, retryDelayMs: 60_000 });
    opened.push(outbox);
    return outbox;
  };
  before(async () => {
    key = await createPinKey(PIN);
  });
  beforeEach(() => {
    dbName = `rights-kit-outbox-sealed-${crypto.randomUUID()}`;
    net = { down: true, calls: 0 };
    opened = [];
  });
  afterEach(async () => {
    for (const outbox of opened) outbox.close();
    await deleteOutboxDatabase(dbName);
  });

  it('stores neither the petition nor its key in clear, and the delivered Receipt sealed too', async () => {
    const outbox = open();
    const result = await outbox.submit(petition, { pin: key, idempotencyKey: 'idem-key-visible-0001' });
    if (result.status !== 'queued') throw new Error('expected queued');
    const pending = await dump(dbName);
    expect(pending).to.contain(result.id);
    for (const secret of ['锁在门外', 'domestic-violence', 'idem-key-visible-0001', PIN]) expect(pending).not.to.contain(secret);

    net.down = false;
    await outbox.flush(); // delivered in the background, no form waiting: kept for her, sealed
    const delivered = await dump(dbName);
    expect(delivered).to.contain('"state":"delivered"');
    for (const secret of [RECEIPT.reference, RECEIPT.accessCode, '锁在门外']) expect(delivered).not.to.contain(secret);
  });

  it('in a later visit, shows the delivered Receipt only for the right PIN', async () => {
    const first = open();
    const result = await first.submit(petition, { pin: key });
    if (result.status !== 'queued') throw new Error('expected queued');
    net.down = false;
    await first.flush();
    first.close();

    const later = open();
    const [entry] = await later.entries();
    expect(entry).to.deep.include({ state: 'delivered', unlocked: false });
    expect(JSON.stringify(entry)).not.to.contain(RECEIPT.accessCode);
    expect(await later.unlock(result.id, '000000')).to.deep.equal({ status: 'wrong-pin', triesLeft: 4 });
    expect(await later.unlock(result.id, PIN)).to.deep.equal({ status: 'delivered', receipt: RECEIPT });
    expect((await later.entries())[0], 'the right PIN resets the count').to.include({ wrongPins: 0, unlocked: true });
    expect(await later.acknowledge(result.id)).to.equal(true);
    expect(await later.entries()).to.deep.equal([]);
  });

  it('after five wrong PINs stops accepting PINs, even the right one, and keeps the entry until she removes it', async () => {
    const first = open();
    const result = await first.submit(petition, { pin: key });
    if (result.status !== 'queued') throw new Error('expected queued');
    first.close();
    net = { down: false, calls: 0 };

    const later = open();
    const answers = [];
    for (const pin of ['1111', '2222', '3333', '4444', '5555']) answers.push(await later.unlock(result.id, pin));
    expect(answers.map((a) => a.status)).to.deep.equal(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked-out']);
    expect(await later.unlock(result.id, PIN)).to.deep.equal({ status: 'locked-out' });
    expect(net.calls, 'nothing was sent').to.equal(0);
    // A new visit does not reset the count: it is stored with the entry.
    later.close();
    const again = open();
    expect(await again.unlock(result.id, PIN)).to.deep.equal({ status: 'locked-out' });
    expect((await again.entries())[0]).to.include({ lockedOut: true, wrongPins: 5 });
    expect(await again.remove(result.id)).to.equal(true);
    expect(await again.entries()).to.deep.equal([]);
  });

  it('refuses a PIN that is not 4 to 8 digits and stores nothing', async () => {
    const outbox = open();
    for (const pin of ['123', '123456789', '12a4', '']) {
      let error: unknown;
      try {
        await outbox.submit(petition, { pin });
      } catch (e) {
        error = e;
      }
      expect(error, pin).to.be.instanceOf(PinFormatError);
    }
    expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(dbName);
  });

  it('creates no database by being opened, read, flushed or cleared', async () => {
    const outbox = open();
    await outbox.flush();
    expect(await outbox.entries()).to.deep.equal([]);
    expect(await outbox.unlock('nothing', PIN)).to.deep.equal({ status: 'gone' });
    await outbox.clear();
    expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(dbName);
  });
});
