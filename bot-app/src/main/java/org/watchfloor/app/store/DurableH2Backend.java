package org.watchfloor.app.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.nio.file.Path;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;

/**
 * H2 backend of mongo-java-server that commits the MVStore and forces it to disk after every command, before the
 * reply goes back to the client. The stock backend commits in the background about once a second, so a crash could
 * lose writes that the client had already seen acknowledged.
 *
 * <p>Commands run concurrently under a shared lock and the commit takes the exclusive lock, so a commit never stores
 * half of a command. A writer whose change another thread's commit already stored still waits for that commit and
 * its sync to finish before it replies. The cost is that commands wait while a commit and its fsync run.
 */
final class DurableH2Backend extends H2Backend {

    private final ReadWriteLock commitLock = new ReentrantReadWriteLock();

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Opens or creates the store file. Its parent folder must exist.
     *
     * <p>TODO: every commit writes a new chunk, and H2 2.4 reuses a dead chunk's space only after a retention time of
     * 45 s, so a burst of writes grows the file and nothing here shrinks it again. A burst of 13,000 writes left a
     * 270 MB file (2-core VM, ext4). Compact the file at start (MVStore.compactFile) if such bursts become common.
     */
    static DurableH2Backend open(Path file) {
        MVStore store = new MVStore.Builder()
                .fileName(file.toString())
                // Only commitAndSync stores changes: no background commit (delay 0) and no commit triggered
                // by the amount of unsaved changes (buffer size 0), which could store half a command.
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open();
        return new DurableH2Backend(store);
    }

    // NOTE: commands in legacy OP_QUERY messages bypass this method and are not synced. Drivers send OP_MSG to this
    // server (wire version 8), and overriding handleCommand instead would need Netty at compile time.
    @Override
    public Document handleMessage(MongoMessage message) {
        try {
            return runShared(message);
        } finally {
            // Also after a failed command, because a bulk write may have applied some documents before it failed.
            commitAndSync();
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

    private void commitAndSync() {
        commitLock.writeLock().lock();
        try {
            MVStore store = getMvStore();
            if (store.hasUnsavedChanges()) {
                store.commit();
                // commit() writes the chunk to the file channel without fsync, which survives a killed process
                // but not a power loss or kernel crash.
                store.sync();
            }
        } finally {
            commitLock.writeLock().unlock();
        }
    }
}
