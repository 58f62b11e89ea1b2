/**
 * The few IndexedDB operations the outbox needs, as promises. One object store, `entries`, keyed by `id`.
 * Every write resolves only when its transaction has committed (`complete`), with `durability: 'strict'`
 * where the browser supports it, so "written" means written to disk, not merely queued.
 */

const STORE = 'entries';
const VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function defaultIndexedDB(): IDBFactory | undefined {
  return (globalThis as { indexedDB?: IDBFactory }).indexedDB;
}

export function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, VERSION);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error(`IndexedDB database "${name}" is blocked by another connection.`));
  });
}

export function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    // Other connections get `versionchange` and close (the outbox does); the deletion then proceeds.
    req.onblocked = () => undefined;
  });
}

function transaction(db: IDBDatabase, mode: IDBTransactionMode): { store: IDBObjectStore; done: Promise<void> } {
  const tx = db.transaction(STORE, mode, { durability: mode === 'readwrite' ? 'strict' : 'default' });
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
  return { store: tx.objectStore(STORE), done };
}

export async function getAll<T>(db: IDBDatabase): Promise<T[]> {
  const { store, done } = transaction(db, 'readonly');
  const [result] = await Promise.all([request(store.getAll() as IDBRequest<T[]>), done]);
  return result;
}

/**
 * Reads an entry and writes what `change` makes of it in one transaction, so a concurrent `clear()` can never be
 * undone by a late write: a missing entry stays missing. `change` returning `undefined` deletes the entry.
 * Resolves to the entry as it was.
 */
export async function update<T extends { id: string }>(
  db: IDBDatabase,
  id: string,
  change: (current: T) => T | undefined,
): Promise<T | undefined> {
  const { store, done } = transaction(db, 'readwrite');
  const current = await request(store.get(id) as IDBRequest<T | undefined>);
  if (current !== undefined) {
    const next = change(current);
    if (next === undefined) store.delete(id);
    else store.put(next);
  }
  await done;
  return current;
}

export async function get<T>(db: IDBDatabase, id: string): Promise<T | undefined> {
  const { store, done } = transaction(db, 'readonly');
  const [result] = await Promise.all([request(store.get(id) as IDBRequest<T | undefined>), done]);
  return result;
}

export async function put(db: IDBDatabase, value: { id: string }): Promise<void> {
  const { store, done } = transaction(db, 'readwrite');
  store.put(value);
  await done;
}

export async function remove(db: IDBDatabase, id: string): Promise<void> {
  const { store, done } = transaction(db, 'readwrite');
  store.delete(id);
  await done;
}

export async function clearAll(db: IDBDatabase): Promise<void> {
  const { store, done } = transaction(db, 'readwrite');
  store.clear();
  await done;
}

/**
 * Whether the database exists, without creating it (`open` would). Where `indexedDB.databases()` is missing, `true`:
 * the caller then opens it as before.
 */
export async function databaseExists(factory: IDBFactory, name: string): Promise<boolean> {
  if (typeof factory.databases !== 'function') return true;
  try {
    return (await factory.databases()).some((d) => d.name === name);
  } catch {
    return true;
  }
}
