package org.watchfloor.core.sla;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The pending SLA checks of all tickets, kept small so that the sweep never reads whole tickets with their timelines.
 *
 * <p>The {@code timers} collection has one document per ticket with something pending: the key, when to look at it
 * next, and the claim of the replica working on it. The {@code timer_slots} collection indexes them by time: one
 * document per minute, whose {@code _id} is the minute, listing the keys of the timers due in it. The sweep reads the
 * slots of the last half hour by {@code _id} and then those timers by {@code _id}. On the embedded store, which
 * serves only queries by unique index and scans for every other query, both reads stay cheap however many tickets
 * are open. A full query on {@code dueAt} still runs now and then to catch what the slots missed.
 *
 * <p>A slot may list a key whose timer has moved on, which costs one timer read and no more. The sweep deletes a
 * slot once it lies in the past and every timer it lists is settled. Every write of a timer that moves it into
 * another minute adds its key to that minute's slot.
 */
public class TimerStore {

    static final String TIMERS = "timers";
    static final String SLOTS = "timer_slots";

    /** Counts the writes to a document, for conditional updates that the embedded server serves from an index. */
    static final String REVISION = "revision";

    /** Length of the time slot that one {@code timer_slots} document covers. */
    static final Duration SLOT = Duration.ofMinutes(1);

    /** How far back the sweep reads slots. Due timers older than this are left to {@link #overdue}. */
    static final Duration LOOKBACK = Duration.ofMinutes(30);

    /**
     * How long after its end a slot is kept before the sweep may delete it. A replica whose clock runs a little behind,
     * or that was slow to write, then still adds its key to a slot that the sweep reads.
     */
    static final Duration GRACE = Duration.ofMinutes(1);

    private static final String DUE_AT = "dueAt";
    private static final String SLOT_FIELD = "slot";
    private static final String VERSION = "version";
    private static final String CLAIMED_UNTIL = "claimedUntil";
    private static final String CLAIMED_BY = "claimedBy";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String KEYS = "keys";

    /** Revision of a document without one. Every write here sets or increments it, so stored revisions start at 1. */
    private static final long NO_REVISION = 0;

    /** Keys per query when timers are read by key. */
    private static final int READ_CHUNK = 100;

    /** Races a reset may lose, to concurrent resets of the same ticket, before it gives up. */
    private static final int MAX_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(TimerStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    /**
     * Creation time of this store, once per process. A claim made before it belongs to another replica or to a process
     * that has stopped since, perhaps killed in the middle of a sweep before it released its claims. This process
     * ignores such claims, because waiting for their lease would delay every timer they cover. Working on a ticket
     * twice is safe, because each change is conditional on the ticket's version and each message on its dedup key.
     */
    private final Instant startedAt;

    public TimerStore(MongoTemplate mongo, Clock clock) {
        this.mongo = unjournaled(mongo);
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /**
     * A template over the same database that writes with {@code j: false}: the store does not wait for the disk
     * before it replies. Timers are derived from tickets and safe to lose in a crash. A timer write either comes
     * before a ticket write, which is synced and makes all earlier writes durable with it, or comes after one and
     * moves the timer later. Losing it then leaves the earlier time, and the sweep looks at the ticket again.
     * On the embedded store this saves a synced write per timer change (see {@code DurableH2Backend}).
     */
    private static MongoTemplate unjournaled(MongoTemplate mongo) {
        MongoTemplate template = new MongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter());
        template.setWriteConcern(WriteConcern.W1.withJournal(false));
        return template;
    }

    public void createCollection() {
        for (String name : List.of(TIMERS, SLOTS)) {
            if (!mongo.collectionExists(name)) {
                mongo.createCollection(name);
            }
            // Unique anyway, because _id is. The embedded server serves a query from a unique index only when the
            // query names exactly its fields, so the conditional writes below filter on _id and revision alone.
            mongo.indexOps(name)
                    .createIndex(new Index()
                            .on("_id", Sort.Direction.ASC)
                            .on(REVISION, Sort.Direction.ASC)
                            .unique());
        }
        // Used by MongoDB for the overdue query. The embedded store scans instead.
        mongo.indexOps(TIMERS).createIndex(new Index().on(DUE_AT, Sort.Direction.ASC));
    }

    /**
     * Lists every timer that has no slot in the slot of its due time, and returns how many it listed. Timers written
     * before slots existed have none, and without this only the sweep's occasional overdue query would find them,
     * minutes late. It scans the timers once, so it runs at start.
     */
    public int listTimersWithoutSlot() {
        Query unlisted = Query.query(where(SLOT_FIELD).exists(false).and(DUE_AT).exists(true));
        List<Document> found = mongo.find(unlisted, Document.class, TIMERS);
        if (found.isEmpty()) {
            return 0;
        }

        // Each slot is computed once, because a past due time goes into the current minute, which may change.
        Map<Document, Long> slotOfTimer = new LinkedHashMap<>();
        found.forEach(timer -> slotOfTimer.put(timer, slotFor(instant(timer, DUE_AT))));

        // Slots first, as in every other timer write, so that no timer is marked as listed before its slot lists it.
        Map<Long, List<String>> keysBySlot = new LinkedHashMap<>();
        slotOfTimer.forEach((timer, slot) ->
                keysBySlot.computeIfAbsent(slot, any -> new ArrayList<>()).add(timer.getString("_id")));
        BulkOperations slots = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SLOTS);
        keysBySlot.forEach((slot, keys) -> slots.upsert(
                Query.query(where("_id").is(slot)),
                new Update().addToSet(KEYS).each(keys.toArray()).inc(REVISION, 1)));
        slots.execute();

        // A timer that changed since it was read missed this update, but its writer listed it in a slot.
        BulkOperations listed = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, TIMERS);
        slotOfTimer.forEach((timer, slot) -> listed.updateOne(
                sameRevision(timer.getString("_id"), timer),
                new Update().set(SLOT_FIELD, slot).inc(REVISION, 1)));
        listed.execute();
        return found.size();
    }

    /** A timer as the sweep read it: its revision makes a claim fail if the timer changed since. */
    public record Timer(String key, Instant dueAt, long revision) {}

    /** A slot as the sweep read it, with the keys it lists and its revision, which a conditional write names. */
    public record Slot(long id, long revision, List<String> keys) {

        /** Whether the slot lies far enough in the past that no writer adds to it any more. */
        boolean isPast(Instant now) {
            return id + SLOT.toSeconds() <= now.minus(GRACE).getEpochSecond();
        }
    }

    /** Makes the timer of {@code key} fire no later than {@code dueAt}, keeping an earlier time already set. */
    public void fireNoLaterThan(String key, Instant dueAt) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document timer = mongo.findById(key, Document.class, TIMERS);
            if (timer == null) {
                if (insert(key, dueAt, -1)) {
                    return;
                }
                continue;
            }
            Instant current = instant(timer, DUE_AT);
            if (current != null && !current.isAfter(dueAt)) {
                return;
            }
            if (move(key, timer, dueAt, new Update())) {
                return;
            }
        }
        log.warn("Moving a timer earlier kept losing races ticket={}", key);
    }

    /**
     * Sets the timer of {@code key} to exactly {@code dueAt} as of ticket version {@code version}, or removes it when
     * nothing is pending, and ends a claim on it. A timer already set from a newer version of the ticket is left
     * alone, so a replica that stored an older change but reset its timer last cannot delay a deadline that the newer
     * change brought forward.
     */
    public void reset(String key, @Nullable Instant dueAt, long version) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document timer = mongo.findById(key, Document.class, TIMERS);
            if (timer != null && timer.get(VERSION) instanceof Number stored && stored.longValue() > version) {
                return;
            }
            if (timer == null) {
                if (dueAt == null || insert(key, dueAt, version)) {
                    return;
                }
                continue;
            }
            boolean done = dueAt == null
                    ? mongo.remove(sameRevision(key, timer), TIMERS).getDeletedCount() == 1
                    : move(
                            key,
                            timer,
                            dueAt,
                            new Update()
                                    .set(VERSION, version)
                                    .unset(CLAIMED_UNTIL)
                                    .unset(CLAIMED_BY)
                                    .unset(CLAIMED_AT));
            if (done) {
                return;
            }
        }
        log.warn("Timer reset kept losing races, leaving the earlier due time ticket={}", key);
    }

    /**
     * Claims slots of the last {@link #LOOKBACK} that list a key, oldest first, until they list {@code maxKeys} keys or
     * more, so that of several replicas sweeping at once only one works on the timers of each slot. It costs three
     * store commands: a read of the slots by {@code _id}, one write with a conditional update per slot, and a read to
     * see which claims succeeded. A slot that another claimer has claimed until after {@code now} is left out, unless
     * the claim is older than this process.
     */
    public List<Slot> claimSlots(Instant now, Instant until, String token, int maxKeys) {
        long last = slotOf(now);
        long first = slotOf(now.minus(LOOKBACK));
        List<Long> ids = LongStream.iterate(first, slot -> slot <= last, slot -> slot + SLOT.toSeconds())
                .boxed()
                .toList();
        List<Slot> free = new ArrayList<>();
        int keys = 0;
        for (Document document :
                mongo.find(Query.query(where("_id").in(ids)).with(Sort.by("_id")), Document.class, SLOTS)) {
            Slot slot = slot(document);
            if (keys >= maxKeys) {
                break;
            }
            if (!slot.keys().isEmpty() && isFree(document, now)) {
                free.add(slot);
                keys += slot.keys().size();
            }
        }
        if (free.isEmpty()) {
            return List.of();
        }

        Map<Object, Long> revisions = new LinkedHashMap<>();
        free.forEach(slot -> revisions.put(slot.id(), slot.revision()));
        return claimRevisions(SLOTS, revisions, now, until, token).stream()
                .map(TimerStore::slot)
                .toList();
    }

    /** Returns whether the timer of {@code key} is due at {@code now} and no replica has claimed it on its own. */
    public boolean isDue(String key, Instant now) {
        Document timer = mongo.findById(key, Document.class, TIMERS);
        if (timer == null || !isFree(timer, now)) {
            return false;
        }
        Instant dueAt = instant(timer, DUE_AT);
        return dueAt != null && !dueAt.isAfter(now);
    }

    /**
     * Ends this claimer's hold on the slots: deletes a past slot none of whose keys is in {@code unsettled}, and
     * releases the others for the next sweep of any replica. A slot that gained a key since it was claimed has a new
     * revision, so it is read again and only released.
     */
    public void release(List<Slot> slots, Collection<String> unsettled, Instant now) {
        if (slots.isEmpty()) {
            return;
        }
        Set<String> keep = new HashSet<>(unsettled);
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SLOTS);
        for (Slot slot : slots) {
            Query claimed = sameRevision(slot.id(), slot.revision());
            if (slot.isPast(now) && slot.keys().stream().noneMatch(keep::contains)) {
                writes.remove(claimed);
            } else {
                writes.updateOne(claimed, unclaimUpdate());
            }
        }
        BulkWriteResult result = writes.execute();
        if (result.getDeletedCount() + result.getModifiedCount() < slots.size()) {
            releaseChanged(slots);
        }
    }

    /**
     * Returns up to {@code limit} due timers that no replica has claimed, with one range query on {@code dueAt} over all
     * timers. On the embedded store this scans the collection, so the sweep runs it only at start and now and then,
     * for timers that the slots missed: written before slots existed, due before the last {@link #LOOKBACK}, or in a
     * slot that a late writer added to after the sweep deleted it.
     */
    public List<Timer> overdue(Instant now, int limit) {
        Query query = Query.query(where(DUE_AT).lte(now)).limit(limit);
        return mongo.find(query, Document.class, TIMERS).stream()
                .filter(timer -> isFree(timer, now))
                .map(TimerStore::timer)
                .toList();
    }

    /**
     * Claims the given timers until {@code until} for the claimer {@code token} with one conditional write each, all
     * sent together. This is for the timers of the overdue query, which no claimed slot covers. Returns the keys this
     * claimer has claimed. A timer that changed since it was read, or that another replica claimed first, is left out.
     */
    public List<String> claim(List<Timer> timers, Instant now, Instant until, String token) {
        if (timers.isEmpty()) {
            return List.of();
        }
        Map<Object, Long> revisions = new LinkedHashMap<>();
        timers.forEach(timer -> revisions.put(timer.key(), timer.revision()));
        return claimRevisions(TIMERS, revisions, now, until, token).stream()
                .map(timer -> timer.getString("_id"))
                .toList();
    }

    /**
     * Claims the documents of the collection that still have the given revisions, with one bulk write, and returns
     * those that this claimer got.
     */
    private List<Document> claimRevisions(
            String collection, Map<Object, Long> revisions, Instant now, Instant until, String token) {
        // The store keeps milliseconds, and the read-back below compares the stored lease with this one.
        Instant leaseUntil = until.truncatedTo(ChronoUnit.MILLIS);
        Update claim = new Update()
                .set(CLAIMED_UNTIL, leaseUntil)
                .set(CLAIMED_BY, token)
                .set(CLAIMED_AT, now)
                .inc(REVISION, 1);
        BulkOperations claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        revisions.forEach((id, revision) -> claims.updateOne(sameRevision(id, revision), claim));
        claims.execute();

        // The bulk result counts the claims but does not say which succeeded, so read back whose they are.
        return byIds(collection, revisions.keySet()).stream()
                .filter(claimedBy(token, leaseUntil))
                .toList();
    }

    /** Deletes slots older than {@link #LOOKBACK}, which the sweep no longer reads. The overdue query finds them. */
    public void forgetOldSlots(Instant now) {
        mongo.remove(Query.query(where("_id").lt(slotOf(now.minus(LOOKBACK)))), SLOTS);
    }

    /** Releases the claimed slots that changed since the claim, reading their revision again. */
    private void releaseChanged(List<Slot> slots) {
        List<Long> ids = slots.stream().map(Slot::id).toList();
        for (Document current : mongo.find(Query.query(where("_id").in(ids)), Document.class, SLOTS)) {
            if (current.get(CLAIMED_UNTIL) != null) {
                mongo.updateFirst(sameRevision(current.get("_id"), revision(current)), unclaimUpdate(), SLOTS);
            }
        }
    }

    /**
     * Reads documents by {@code _id}, {@link #READ_CHUNK} per query: the embedded server serves {@code $in} on {@code _id}
     * from the index, but then checks each document found against the whole list, so its cost grows with the
     * square of the list's length.
     */
    private List<Document> byIds(String collection, Collection<?> ids) {
        List<?> all = List.copyOf(ids);
        List<Document> found = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += READ_CHUNK) {
            List<?> chunk = all.subList(from, Math.min(all.size(), from + READ_CHUNK));
            found.addAll(mongo.find(Query.query(where("_id").in(chunk)), Document.class, collection));
        }
        return found;
    }

    private static Update unclaimUpdate() {
        return new Update()
                .unset(CLAIMED_UNTIL)
                .unset(CLAIMED_BY)
                .unset(CLAIMED_AT)
                .inc(REVISION, 1);
    }

    private static Predicate<Document> claimedBy(String token, Instant leaseUntil) {
        return document ->
                token.equals(document.getString(CLAIMED_BY)) && leaseUntil.equals(instant(document, CLAIMED_UNTIL));
    }

    /**
     * Returns whether a timer or slot is free to claim at {@code now}. It is free when it has no claim, when the lease
     * has ended, or when the claim was made before this process started (see {@link #startedAt}).
     */
    private boolean isFree(Document document, Instant now) {
        Instant claimedUntil = instant(document, CLAIMED_UNTIL);
        if (claimedUntil == null || claimedUntil.isBefore(now)) {
            return true;
        }
        Instant claimedAt = instant(document, CLAIMED_AT);
        return claimedAt == null || claimedAt.isBefore(startedAt);
    }

    /** Lists the timer in the slot of its new due time if that changed, then sets the time with a conditional update. */
    private boolean move(String key, Document timer, Instant dueAt, Update more) {
        long slot = slotFor(dueAt);
        if (!(timer.get(SLOT_FIELD) instanceof Number listedIn) || listedIn.longValue() != slot) {
            list(key, slot);
        }
        Update update = more.set(DUE_AT, dueAt).set(SLOT_FIELD, slot).inc(REVISION, 1);
        return mongo.updateFirst(sameRevision(key, timer), update, TIMERS).getModifiedCount() == 1;
    }

    private boolean insert(String key, Instant dueAt, long version) {
        long slot = slotFor(dueAt);
        list(key, slot);
        try {
            mongo.insert(
                    new Document("_id", key)
                            .append(DUE_AT, dueAt)
                            .append(SLOT_FIELD, slot)
                            .append(VERSION, version)
                            .append(REVISION, 1L),
                    TIMERS);
            return true;
        } catch (DuplicateKeyException created) {
            return false;
        }
    }

    /**
     * Adds the key to the slot. It runs before the timer write, so that the slot is never missing a timer that
     * a crash left written. A crash in between leaves a slot listing a timer that has not moved, which costs one
     * read. A timer that no slot lists anyway, such as one written before slots existed, is found by the sweep's
     * overdue query, which runs at start.
     */
    private void list(String key, long slot) {
        mongo.upsert(
                Query.query(where("_id").is(slot)),
                new Update().addToSet(KEYS, key).inc(REVISION, 1),
                SLOTS);
    }

    /** Returns the slot of a due time. A time already past goes into the current slot, which the sweep reads next. */
    private long slotFor(Instant dueAt) {
        Instant now = clock.instant();
        return slotOf(dueAt.isBefore(now) ? now : dueAt);
    }

    static long slotOf(Instant instant) {
        long seconds = SLOT.toSeconds();
        return Math.floorDiv(instant.getEpochSecond(), seconds) * seconds;
    }

    /** Matches the timer only while it still has the revision that was read, through the unique _id+revision index. */
    private static Query sameRevision(String key, Document timer) {
        return sameRevision(key, revision(timer));
    }

    private static Query sameRevision(Object id, long revision) {
        if (revision == NO_REVISION) {
            // Written before revisions existed: still conditional, but served by a scan.
            return Query.query(where("_id").is(id).and(REVISION).exists(false));
        }
        return Query.query(where("_id").is(id).and(REVISION).is(revision));
    }

    /** Returns the document's revision, or {@link #NO_REVISION} for one written before revisions existed. */
    private static long revision(Document document) {
        return document.get(REVISION) instanceof Number revision ? revision.longValue() : NO_REVISION;
    }

    private static Slot slot(Document document) {
        return new Slot(
                ((Number) document.get("_id")).longValue(),
                revision(document),
                document.getList(KEYS, String.class, List.of()));
    }

    private static Timer timer(Document document) {
        return new Timer(document.getString("_id"), instant(document, DUE_AT), revision(document));
    }

    private static @Nullable Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    Optional<Instant> dueAt(String key) {
        Document timer = mongo.findById(key, Document.class, TIMERS);
        return timer == null ? Optional.empty() : Optional.ofNullable(instant(timer, DUE_AT));
    }
}
