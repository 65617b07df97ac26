package org.watchfloor.app.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.Comparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Key type of the unique index maps: orders index keys the way MongoDB orders values, in memory.
 *
 * <p>The stock backend opens its index maps with H2's generic object type. An index key is not {@link Comparable},
 * so that type compares two keys by Java-serializing both, on every step of every index lookup; in the SLA sweep
 * benchmark this was a third of the store's CPU time. Keys are still stored as the generic type stores them.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private static final Comparator<Object> VALUES = ValueComparator.asc();

    /** Stores the keys. One per map, as H2 gives each map its own, because it caches the last value type it saw. */
    private final ObjectDataType storage = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = VALUES.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return storage.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        storage.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) storage.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
