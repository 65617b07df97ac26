package org.watchfloor.app.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2 backend of mongo-java-server that makes every write durable before the reply goes back to the client. The stock
 * backend commits in the background about once a second, so a crash could lose writes that the client had already
 * seen acknowledged.
 *
 * <p>Commands run concurrently under a shared lock, and write commands one at a time. A write then waits for a commit that stores it and a sync that
 * forces that commit to disk. The first writer to wait leads: it takes the exclusive lock, so that a commit never
 * stores half of a command, commits every write finished so far, releases the lock and syncs the file while
 * commands go on running. Writers that finish meanwhile wait for the next leader, so with several clients writing at
 * once they share commits and syncs instead of paying for one each.
 *
 * <p>Reads, and writes sent with write concern {@code j: false}, reply without waiting. Such a write reaches the
 * disk with the next commit. Every commit stores the whole state, so a crash loses such a write only together with every
 * write that came after it.
 */
final class DurableH2Backend extends H2Backend {

    /** Size above which the store file is compacted when it is opened. */
    static final long COMPACT_ABOVE_BYTES = 16L << 20;

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** Commands that change nothing stored. Any other command is treated as a write. */
    private static final Set<String> READS = Set.of(
            "find",
            "getMore",
            "count",
            "distinct",
            "listCollections",
            "listIndexes",
            "killCursors",
            "endSessions",
            "hello",
            "isMaster",
            "ismaster",
            "ping",
            "buildInfo",
            "buildinfo");

    private final ReadWriteLock commitLock = new ReentrantReadWriteLock();

    /** Held by the one write command that runs at a time. */
    private final Lock writes = new ReentrantLock();

    private final Object monitor = new Object();

    /** Count of the writes whose command has finished. A write waits for a synced commit that counted it. */
    private final AtomicLong finished = new AtomicLong();

    /** Count of finished writes that the newest synced commit contains. Guarded by {@link #monitor}. */
    private long durable;

    /** Whether a leader is committing and syncing at the moment. Guarded by {@link #monitor}. */
    private boolean leading;

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return OrderedIndexDatabase.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Opens or creates the store file, compacting it first when it is larger than 16 MiB. Its folder must exist. */
    static DurableH2Backend open(Path file) {
        return open(file, COMPACT_ABOVE_BYTES);
    }

    /**
     * Opens or creates the store file, compacting it first when it is larger than {@code compactAboveBytes}.
     *
     * <p>Every commit writes a new chunk, and a chunk stays in the file while any of its pages is live, so the file
     * grows by about 20 KB per write (measured on a 2-core VM with 500 tickets of about 10 KB each). H2's background
     * thread would rewrite such chunks, but it also commits, which could store half a command, so it is off here. The
     * running store's own compaction, {@code MVStore.compactFile}, failed an assertion in H2 2.4.240's
     * FreeSpaceBitSet.allocate in tests, so the file is compacted only here, before it is opened.
     *
     * <p>NOTE: the file therefore grows while the bot runs and shrinks at the next start. 20,000 writes grew it to
     * 443 MB, which compacting brought down to 6 MB in 0.5 s.
     */
    static DurableH2Backend open(Path file, long compactAboveBytes) {
        compact(file, compactAboveBytes);
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                // Only the leader's commit stores changes: no background commit (delay 0) and no commit triggered
                // by the amount of unsaved changes (buffer size 0), which could store half a command.
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
        return new DurableH2Backend(store);
    }

    /**
     * Copies the live pages of the store file into a new file that then replaces it, with H2's {@link MVStoreTool}. A
     * compaction that a crash interrupted is completed or discarded first. When another process has the file open,
     * the copy fails to lock it, and opening the store reports that.
     */
    private static void compact(Path file, long compactAboveBytes) {
        String name = file.toString();
        MVStoreTool.compactCleanUp(name);
        long sizeBefore = size(file);
        if (sizeBefore <= compactAboveBytes) {
            return;
        }

        long start = System.nanoTime();
        MVStoreTool.compact(name, false);
        log.info(
                "Compacted the embedded store file {} from {} to {} bytes in {} ms",
                file,
                sizeBefore,
                size(file),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the size of the store file " + file, e);
        }
    }

    // NOTE: commands in legacy OP_QUERY messages bypass this method and are not synced. Drivers send OP_MSG to this
    // server (wire version 8), and overriding handleCommand instead would need Netty at compile time.
    @Override
    public Document handleMessage(MongoMessage message) {
        if (isRead(message)) {
            return runShared(message);
        }
        if (isUnjournaled(message)) {
            return runWrite(message);
        }
        try {
            return runWrite(message);
        } finally {
            // Also after a failed command, because a bulk write may have applied some documents before it failed.
            awaitDurable(finished.incrementAndGet());
        }
    }

    private static boolean isRead(MongoMessage message) {
        Document command = message.getDocument();
        return !command.isEmpty() && READS.contains(command.keySet().iterator().next());
    }

    /** Returns whether the client requested no journal, with write concern {@code j: false}, as for derived data. */
    private static boolean isUnjournaled(MongoMessage message) {
        return message.getDocument().get("writeConcern") instanceof Document concern
                && Boolean.FALSE.equals(concern.get("j"));
    }

    /**
     * Runs a write command while no other write runs. With mongo-java-server 1.47's in-memory backend, a test of 16
     * concurrent changes of one ticket once saw two conditional updates match the same version, although each
     * collection synchronizes its update method. A test of this backend did not show it, but one write at a time
     * rules it out. Writes still share commits and syncs, because each waits for durability after releasing this lock.
     */
    private Document runWrite(MongoMessage message) {
        writes.lock();
        try {
            return runShared(message);
        } finally {
            writes.unlock();
        }
    }

    private Document runShared(MongoMessage message) {
        commitLock.readLock().lock();
        try {
            return super.handleMessage(message);
        } finally {
            commitLock.readLock().unlock();
        }
    }

    /** Returns once write number {@code write} is on disk, leading a commit and sync when no other thread does. */
    private void awaitDurable(long write) {
        boolean interrupted = false;
        try {
            while (!durableOrLed(write)) {
                interrupted |= waitForLeader();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Returns true when write number {@code write} is on disk, committing and syncing first when no other thread
     * leads. Returns false while another thread leads, and the caller then waits for it.
     */
    private boolean durableOrLed(long write) {
        synchronized (monitor) {
            if (durable >= write) {
                return true;
            }
            if (leading) {
                return false;
            }
            leading = true;
        }
        commitAndSync();
        return durableOrLed(write);
    }

    private void commitAndSync() {
        long covered = -1;
        try {
            covered = commitFinished();
            // The commit writes the chunk to the file channel without fsync, which survives a killed process but not a
            // power loss or kernel crash.
            getMvStore().sync();
        } catch (RuntimeException e) {
            covered = -1;
            throw e;
        } finally {
            synchronized (monitor) {
                leading = false;
                if (covered >= 0) {
                    durable = Math.max(durable, covered);
                }
                monitor.notifyAll();
            }
        }
    }

    /** Commits every finished write and returns how many writes that covers. */
    private long commitFinished() {
        commitLock.writeLock().lock();
        try {
            // Read under the exclusive lock: every write counted so far has finished, so the commit contains it.
            long covered = finished.get();
            MVStore store = getMvStore();
            if (store.hasUnsavedChanges()) {
                store.commit();
            }
            return covered;
        } finally {
            commitLock.writeLock().unlock();
        }
    }

    /**
     * Waits for the leader to finish. An interrupt does not end the wait, because the reply must not go out before
     * its write is durable. Returns true after an interrupt, so that the caller can restore it afterwards.
     */
    private boolean waitForLeader() {
        synchronized (monitor) {
            if (!leading) {
                return false;
            }
            try {
                monitor.wait();
                return false;
            } catch (InterruptedException e) {
                return true;
            }
        }
    }
}
