package org.watchfloor.app.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database of mongo-java-server whose unique indexes order their keys with {@link IndexKeyType}.
 *
 * <p>The maps have their own names, because a map's order is fixed when it is written: a store file from before
 * this class has its indexes under the stock names, in the stock order. When such an index is opened, its entries are
 * copied into the new map and the stock map is removed. The next commit stores the copy, and if the process stops
 * first, the next start copies again.
 */
final class OrderedIndexDatabase extends H2Database {

    /** Appended to the stock map name of an index. */
    static final String ORDERED_SUFFIX = ".ordered";

    /**
     * The store, for the indexes that the stock constructor opens before this class's fields are set. It is set
     * only while {@link #open} runs.
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    private OrderedIndexDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static OrderedIndexDatabase open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new OrderedIndexDatabase(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVStore mvStore = store();
        String stockName = stockMapName(collectionName, indexName);
        MVMap<KeyValue, Object> map = mvStore.openMap(
                stockName + ORDERED_SUFFIX, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        if (mvStore.hasMap(stockName)) {
            MVMap<KeyValue, Object> stock = mvStore.openMap(stockName);
            stock.forEach(map::put);
            mvStore.removeMap(stock);
        }
        return new OrderedUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store().removeMap(stockMapName(collection.getCollectionName(), indexName) + ORDERED_SUFFIX);
    }

    /** Returns the name under which the stock backend keeps an index map. */
    private String stockMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }
}
