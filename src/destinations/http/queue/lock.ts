/**
 * One receiver per data directory: two receivers draining one queue would apply a person's events out of
 * order. The lock is SQLite's own exclusive lock on a small file beside the queue (an OS file lock), held
 * for as long as the receiver runs: the operating system releases it when the process ends however it
 * ends (`kill -9` included), so there is never a stale lock to clean up. The `attio-plg queue` commands do
 * not take it; they read and write the queue beside a running receiver.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const LOCK_FILE = 'receiver.lock';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write in exclusive locking mode takes the lock, and this connection keeps it until closed.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS receiver (id INTEGER PRIMARY KEY); COMMIT;');
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED')) {
      throw new DataDirInUseError(
        `another attio-plg receiver is using the data directory ${resolve(dataDir)}: give each receiver its own --data-dir`,
      );
    }
    throw error;
  }
  return { release: () => db.close() };
}
