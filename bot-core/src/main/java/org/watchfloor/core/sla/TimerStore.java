package org.watchfloor.core.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code timers} collection: one small document per ticket with something pending, holding only the key and
 * when to look at it next. The sweep reads this collection instead of whole tickets with their timelines, which
 * keeps it cheap on the embedded server, where every query that is not by id scans its collection.
 */
public class TimerStore {

    static final String TIMERS = "timers";

    private final MongoTemplate mongo;

    public TimerStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void createCollection() {
        if (!mongo.collectionExists(TIMERS)) {
            mongo.createCollection(TIMERS);
        }
        mongo.indexOps(TIMERS)
                .createIndex(new org.springframework.data.mongodb.core.index.Index()
                        .on("dueAt", org.springframework.data.domain.Sort.Direction.ASC));
    }

    /** Makes the timer of {@code key} fire no later than {@code dueAt}, keeping an earlier time already set. */
    public void fireNoLaterThan(String key, Instant dueAt) {
        mongo.upsert(Query.query(where("_id").is(key)), new Update().min("dueAt", dueAt), TIMERS);
    }

    /**
     * Sets the timer of {@code key} to exactly {@code dueAt} as of ticket version {@code version}, or removes it when
     * nothing is pending. A timer already set from a newer version of the ticket is left alone, so a replica that
     * stored an older change but reset its timer last cannot delay a deadline that the newer change brought forward.
     */
    public void reset(String key, @Nullable Instant dueAt, long version) {
        Criteria notNewer = new Criteria()
                .orOperator(where("version").exists(false), where("version").lte(version));
        Query query = Query.query(new Criteria().andOperator(where("_id").is(key), notNewer));
        if (dueAt == null) {
            mongo.remove(query, TIMERS);
            return;
        }
        Update update = new Update().set("dueAt", dueAt).set("version", version).unset("claimedUntil");
        try {
            mongo.upsert(query, update, TIMERS);
        } catch (DuplicateKeyException newerTimer) {
            // No timer of this version or older matched, and inserting clashed with a newer one: keep that one.
        }
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
    public boolean claim(String key, Instant now, Instant leaseUntil) {
        Criteria free = new Criteria()
                .orOperator(
                        where("claimedUntil").exists(false),
                        where("claimedUntil").lt(now));
        Query query = Query.query(
                new Criteria().andOperator(where("_id").is(key), where("dueAt").lte(now), free));
        Update update = new Update().set("claimedUntil", leaseUntil);
        Document claimed = mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), Document.class, TIMERS);
        return claimed != null;
    }

    Optional<Instant> dueAt(String key) {
        Document timer = mongo.findById(key, Document.class, TIMERS);
        return timer == null
                ? Optional.empty()
                : Optional.ofNullable(timer.getDate("dueAt")).map(java.util.Date::toInstant);
    }
}
