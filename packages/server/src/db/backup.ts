import SQLite from 'better-sqlite3';

export type BackupOptions = {
  /** Pages copied per step (4 KiB each). */
  pagesPerStep?: number;
  /** Pause between steps, so a server writing to the same file keeps the disk and a core. */
  pauseMs?: number;
};

/**
 * Copies a live SQLite database to `target`, in steps, while a server in another process keeps writing to it
 * (`rounds backup`).
 *
 * SQLite's online backup restarts from the first page whenever another connection writes between two steps,
 * so a stepped copy under steady traffic never finished, and a copy in one step took a core and the disk
 * from the server for seconds (issue 11: acknowledgements fell to a third). Holding one read transaction
 * for the whole copy pins a snapshot (WAL mode: readers never block the writer), so steps never restart
 * and the copy is the database as of its start.
 */
export async function backupSqlite(
  file: string,
  target: string,
  opts: BackupOptions = {},
): Promise<{ pages: number; steps: number }> {
  const pagesPerStep = opts.pagesPerStep ?? 256;
  const pauseMs = opts.pauseMs ?? 5;
  const source = new SQLite(file, { fileMustExist: true });
  try {
    source.exec('BEGIN');
    // A read transaction starts at its first read; from here every step sees this snapshot.
    source.prepare('SELECT count(*) FROM sqlite_master').get();
    // better-sqlite3 runs the next step on setImmediate; the pause must hold the step itself, so it sleeps
    // synchronously. Fine in the `rounds backup` process, which does nothing else: do not call in the server.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    let steps = 0;
    const { totalPages } = await source.backup(target, {
      progress: () => {
        steps++;
        if (pauseMs > 0) Atomics.wait(pause, 0, 0, pauseMs);
        return pagesPerStep;
      },
    });
    source.exec('COMMIT');
    return { pages: totalPages, steps };
  } finally {
    source.close();
  }
}
