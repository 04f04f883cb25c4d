// IndexedDB, one database per runner (so one runner's phone data is never read for another), with promise
// helpers. A transaction that fails is retried once on a freshly opened database, then the error is raised.

const handles = new Map();

export function dbName(userId) {
  return `runner-u${userId}`;
}

export function req(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const STORES = { entries: { keyPath: "id" }, outbox: { keyPath: "id" }, meta: undefined };

// Opened at whatever version it has (a new one is made at version 1); upgraded only when stores are missing.
function open(userId, version) {
  return new Promise((resolve, reject) => {
    const request = version ? indexedDB.open(dbName(userId), version) : indexedDB.open(dbName(userId));
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const [name, options] of Object.entries(STORES)) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, options);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      if (Object.keys(STORES).some((name) => !db.objectStoreNames.contains(name))) {
        // Made by someone else without our stores (a devtools poke, say): upgrade it rather than fail.
        db.close();
        open(userId, db.version + 1).then(resolve, reject);
        return;
      }
      db.onversionchange = () => { db.close(); handles.delete(userId); };
      db.onclose = () => handles.delete(userId);
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
}

function database(userId) {
  if (!handles.has(userId)) {
    const opening = open(userId);
    handles.set(userId, opening);
    opening.catch(() => handles.delete(userId));
  }
  return handles.get(userId);
}

function forget(userId) {
  const opening = handles.get(userId);
  handles.delete(userId);
  if (opening) opening.then((db) => db.close(), () => {});
}

function run(db, names, mode, work) {
  return new Promise((resolve, reject) => {
    let tx;
    try {
      tx = db.transaction(names, mode, { durability: mode === "readwrite" ? "strict" : "default" });
    } catch (error) {
      reject(error);
      return;
    }
    const stores = Object.fromEntries(names.map((name) => [name, tx.objectStore(name)]));
    let result;
    let failed = null;
    Promise.resolve().then(() => work(stores, tx)).then((value) => { result = value; }, (error) => {
      failed = error;
      try { tx.abort(); } catch { /* already finished */ }
    });
    tx.oncomplete = () => (failed ? reject(failed) : resolve(result));
    tx.onabort = () => reject(failed || tx.error || new Error("transaction aborted"));
  });
}

// Run `work(stores)` in one transaction over `names`; resolves once it has committed.
export async function transact(userId, names, mode, work) {
  try {
    return await run(await database(userId), names, mode, work);
  } catch (error) {
    if (error && error.retryable === false) throw error;
    forget(userId);  // reopen once and retry: a closed or broken connection is the usual cause
    return run(await database(userId), names, mode, work);
  }
}
