package org.watchfloor.core.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code timers} collection: one small document per ticket with something pending, holding only the key and
 * when to look at it next. The sweep reads this collection instead of whole tickets with their timelines, which
 * keeps it cheap on the embedded server, where every query that is not by id scans its collection.
 */
public class TimerStore {

    static final String TIMERS = "timers";

    /** Counts the writes to a timer, for conditional updates that the embedded server serves from an index. */
    static final String REVISION = "revision";

    /** Races a reset may lose, to concurrent resets of the same ticket, before it gives up. */
    private static final int MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(TimerStore.class);

    private final MongoTemplate mongo;

    public TimerStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void createCollection() {
        if (!mongo.collectionExists(TIMERS)) {
            mongo.createCollection(TIMERS);
        }
        var indexes = mongo.indexOps(TIMERS);
        indexes.createIndex(new Index().on("dueAt", Sort.Direction.ASC));
        // Unique anyway, because _id is. The embedded server serves a query from a unique index only when the query
        // names exactly its fields, so the conditional updates below filter on _id and revision alone.
        indexes.createIndex(new Index()
                .on("_id", Sort.Direction.ASC)
                .on(REVISION, Sort.Direction.ASC)
                .unique());
    }

    /** Makes the timer of {@code key} fire no later than {@code dueAt}, keeping an earlier time already set. */
    /** Makes the timer of {@code key} fire no later than {@code dueAt}, keeping an earlier time already set. */
    public void fireNoLaterThan(String key, Instant dueAt) {
        mongo.upsert(byId(key), new Update().min("dueAt", dueAt).inc(REVISION, 1), TIMERS);
    }

    /**
     * Sets the timer of {@code key} to exactly {@code dueAt} as of ticket version {@code version}, or removes it when
     * nothing is pending. A timer already set from a newer version of the ticket is left alone, so a replica that
     * stored an older change but reset its timer last cannot delay a deadline that the newer change brought forward.
     */
    /**
     * Sets the timer of {@code key} to exactly {@code dueAt} as of ticket version {@code version}, or removes it when
     * nothing is pending. A timer already set from a newer version of the ticket is left alone, so a replica that
     * stored an older change but reset its timer last cannot delay a deadline that the newer change brought forward.
     */
    public void reset(String key, @Nullable Instant dueAt, long version) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document timer = mongo.findById(key, Document.class, TIMERS);
            if (timer != null && timer.get("version") instanceof Number stored && stored.longValue() > version) {
                return;
            }
            if (timer == null) {
                if (dueAt == null || insert(key, dueAt, version)) {
                    return;
                }
                continue;
            }
            Query sameRevision = sameRevision(key, timer);
            boolean done = dueAt == null
                    ? mongo.remove(sameRevision, TIMERS).getDeletedCount() == 1
                    : mongo.updateFirst(
                                            sameRevision,
                                            new Update()
                                                    .set("dueAt", dueAt)
                                                    .set("version", version)
                                                    .unset("claimedUntil")
                                                    .inc(REVISION, 1),
                                            TIMERS)
                                    .getModifiedCount()
                            == 1;
            if (done) {
                return;
            }
        }
        log.warn("Timer reset kept losing races, leaving the earlier due time ticket={}", key);
    }

    /** Returns the keys of timers due at {@code now}, at most {@code limit}, with one range query. */
    public List<String> due(Instant now, int limit) {
        Query query = Query.query(where("dueAt").lte(now)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, TIMERS).stream()
                .map(document -> document.getString("_id"))
                .toList();
    }

    /**
     * Claims a due timer for {@code leaseUntil} with a conditional update, so that of several replicas sweeping at
     * once only one works on the ticket. Returns false when another replica has claimed it or it is no longer due.
     */
    /**
     * Claims a due timer for {@code leaseUntil} with a conditional update, so that of several replicas sweeping at
     * once only one works on the ticket. Returns false when another replica has claimed it or it is no longer due.
     */
    public boolean claim(String key, Instant now, Instant leaseUntil) {
        Document timer = mongo.findById(key, Document.class, TIMERS);
        if (timer == null
                || timer.getDate("dueAt") == null
                || timer.getDate("dueAt").toInstant().isAfter(now)) {
            return false;
        }
        java.util.Date claimedUntil = timer.getDate("claimedUntil");
        if (claimedUntil != null && !claimedUntil.toInstant().isBefore(now)) {
            return false;
        }
        Update claim = new Update().set("claimedUntil", leaseUntil).inc(REVISION, 1);
        return mongo.updateFirst(sameRevision(key, timer), claim, TIMERS).getModifiedCount() == 1;
    }

    private boolean insert(String key, Instant dueAt, long version) {
        try {
            mongo.insert(
                    new Document("_id", key)
                            .append("dueAt", dueAt)
                            .append("version", version)
                            .append(REVISION, 1L),
                    TIMERS);
            return true;
        } catch (DuplicateKeyException created) {
            return false;
        }
    }

    private static Query byId(String key) {
        return Query.query(where("_id").is(key));
    }

    /** Matches the timer only while it still has the revision that was read, through the unique _id+revision index. */
    private static Query sameRevision(String key, Document timer) {
        Object revision = timer.get(REVISION);
        if (revision == null) {
            // Written before revisions or by hand: still conditional, but served by a scan.
            return Query.query(where("_id").is(key).and(REVISION).exists(false));
        }
        return Query.query(where("_id").is(key).and(REVISION).is(((Number) revision).longValue()));
    }

    Optional<Instant> dueAt(String key) {
        Document timer = mongo.findById(key, Document.class, TIMERS);
        return timer == null
                ? Optional.empty()
                : Optional.ofNullable(timer.getDate("dueAt")).map(java.util.Date::toInstant);
    }
}
