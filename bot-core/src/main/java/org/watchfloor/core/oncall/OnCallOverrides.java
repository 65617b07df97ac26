package org.watchfloor.core.oncall;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.ticket.Tier;

/**
 * Stores overrides in the {@code oncall_overrides} collection, one small document each. Expired overrides stay as a
 * record of who covered when.
 */
final class OnCallOverrides {

    static final String COLLECTION = "oncall_overrides";

    private final MongoTemplate mongo;

    OnCallOverrides(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("tier", Sort.Direction.ASC).on("until", Sort.Direction.DESC));
    }

    void insert(OnCallOverride override) {
        Document document = new Document("tier", override.tier().name())
                .append("userId", override.userId())
                .append("from", override.from())
                .append("until", override.until())
                .append("createdBy", override.createdBy())
                .append("createdAt", override.createdAt());
        mongo.insert(document, COLLECTION);
    }

    /** Returns the most recently created override of {@code tier} that is active at {@code instant}, if any. */
    Optional<OnCallOverride> newestActive(Tier tier, Instant instant) {
        Query active = Query.query(where("tier")
                        .is(tier.name())
                        .and("from")
                        .lte(instant)
                        .and("until")
                        .gt(instant))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(1);
        return Optional.ofNullable(mongo.findOne(active, Document.class, COLLECTION))
                .map(OnCallOverrides::override);
    }

    private static OnCallOverride override(Document document) {
        return new OnCallOverride(
                Tier.valueOf(document.getString("tier")),
                document.getString("userId"),
                document.getDate("from").toInstant(),
                document.getDate("until").toInstant(),
                document.getString("createdBy"),
                document.getDate("createdAt").toInstant());
    }
}
