package org.watchfloor.core.ticket;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@link TicketStore} on MongoDB. Uses only single-document atomic operations, so it works the same on a replica
 * set and on the embedded development server, which has no transactions.
 */
public class MongoTicketStore implements TicketStore {

    static final String TICKETS = "tickets";
    static final String COUNTERS = "counters";

    /** Fields that {@link #update} never overwrites: the id, the lock, the append-only timeline and the card. */
    private static final List<String> NOT_REWRITTEN = List.of("_id", "version", "timeline", "chat");

    private final MongoTemplate mongo;
    private final List<String> rewrittenFields;

    public MongoTicketStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.rewrittenFields = rewrittenFields(mongo.getConverter());
    }

    /** Creates the indexes the queries need; creating an existing index does nothing. */
    public void createIndexes() {
        var tickets = mongo.indexOps(TICKETS);
        tickets.createIndex(new Index().on("status", Sort.Direction.ASC).on("severity", Sort.Direction.ASC));
        tickets.createIndex(new Index().on("createdAt", Sort.Direction.DESC));
        // Unique anyway, because _id is. The embedded server serves a query from a unique index only when the query
        // names exactly its fields, so this index turns the optimistic-lock update on _id and version from a scan of
        // every ticket into a lookup.
        tickets.createIndex(new Index()
                .on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC)
                .unique());
    }

    @Override
    public boolean insert(Ticket ticket) {
        try {
            mongo.insert(ticket, TICKETS);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Override
    public Optional<Ticket> find(String key) {
        return Optional.ofNullable(mongo.findById(key, Ticket.class, TICKETS));
    }

    @Override
    public boolean update(Ticket before, Ticket after, List<TimelineEvent> newEvents) {
        Query sameVersion =
                Query.query(where("_id").is(before.key()).and("version").is(before.version()));

        Document written = new Document();
        mongo.getConverter().write(after, written);
        Update update = new Update();
        for (String field : rewrittenFields) {
            if (written.containsKey(field)) {
                update.set(field, written.get(field));
            } else {
                update.unset(field);
            }
        }
        List<Object> events = new ArrayList<>();
        for (TimelineEvent event : newEvents) {
            events.add(mongo.getConverter().convertToMongoType(event));
        }
        update.push("timeline").each(events.toArray());
        update.inc("version", 1);

        return mongo.updateFirst(sameVersion, update, TICKETS).getModifiedCount() == 1;
    }

    @Override
    public void saveChatLocation(String key, ChatLocation location) {
        // A plain $pull and $push on the same array is not allowed in one update, so set the whole list and bump
        // the version: a concurrent workflow change then retries on the fresh ticket instead of losing this.
        while (true) {
            Ticket ticket = find(key).orElseThrow(() -> new IllegalStateException("Ticket " + key + " is missing"));
            List<Object> chat = new ArrayList<>();
            for (ChatLocation existing : ticket.chat()) {
                if (!existing.platform().equals(location.platform())) {
                    chat.add(mongo.getConverter().convertToMongoType(existing));
                }
            }
            chat.add(mongo.getConverter().convertToMongoType(location));

            Query sameVersion = Query.query(where("_id").is(key).and("version").is(ticket.version()));
            Update update = new Update().set("chat", chat).inc("version", 1);
            if (mongo.updateFirst(sameVersion, update, TICKETS).getModifiedCount() == 1) {
                return;
            }
        }
    }

    @Override
    public List<TicketSummary> list(TicketQuery query) {
        Query find = Query.query(criteria(query))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(query.limit());
        find.fields().include("title", "severity", "status", "tier", "assignee", "createdAt");
        return mongo.find(find, TicketSummary.class, TICKETS);
    }

    @Override
    public long count(TicketQuery query) {
        return mongo.count(Query.query(criteria(query)), TICKETS);
    }

    private static Criteria criteria(TicketQuery query) {
        Criteria criteria = new Criteria();
        List<Criteria> parts = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            parts.add(where("status").in(names(query.statuses())));
        }
        if (!query.severities().isEmpty()) {
            parts.add(where("severity").in(names(query.severities())));
        }
        if (!query.tiers().isEmpty()) {
            parts.add(where("tier").in(names(query.tiers())));
        }
        if (query.assigneeUserId() != null) {
            parts.add(where("assignee.userId").is(query.assigneeUserId()));
        }
        if (!parts.isEmpty()) {
            criteria.andOperator(parts.toArray(Criteria[]::new));
        }
        return criteria;
    }

    @Override
    public long nextSequence(String counter) {
        Query byName = Query.query(where("_id").is(counter));
        Update increment = new Update().inc("sequence", 1L);
        FindAndModifyOptions options =
                FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document result = mongo.findAndModify(byName, increment, options, Document.class, COUNTERS);
        if (result == null) {
            throw new IllegalStateException("Counter " + counter + " returned no document after an upsert");
        }
        return ((Number) result.get("sequence")).longValue();
    }

    private static List<String> rewrittenFields(MongoConverter converter) {
        MongoPersistentEntity<?> entity = converter.getMappingContext().getRequiredPersistentEntity(Ticket.class);
        List<String> fields = new ArrayList<>();
        for (MongoPersistentProperty property : entity) {
            if (!NOT_REWRITTEN.contains(property.getFieldName())) {
                fields.add(property.getFieldName());
            }
        }
        return List.copyOf(fields);
    }

    private static List<String> names(java.util.Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
