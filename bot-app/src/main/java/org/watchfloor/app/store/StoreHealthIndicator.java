package org.watchfloor.app.store;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Store health check, shown as {@code store} under {@code /actuator/health}. It sends {@code ping} because Boot's
 * MongoDB health indicator sends {@code hello}, which the embedded server does not implement, so that indicator is
 * always down there. Reports whether the store is embedded or external.
 */
// An explicit name, because @Import would otherwise name the bean after the class's full name. The health registry
// drops the HealthIndicator suffix, so this bean appears as "store".
@Component("storeHealthIndicator")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private final ObjectProvider<EmbeddedMongoServer> embeddedServer;

    StoreHealthIndicator(MongoTemplate mongo, ObjectProvider<EmbeddedMongoServer> embeddedServer) {
        super("Store health check failed");
        this.mongo = mongo;
        this.embeddedServer = embeddedServer;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));

        builder.up().withDetail("database", mongo.getDb().getName());
        EmbeddedMongoServer server = embeddedServer.getIfAvailable();
        if (server == null) {
            builder.withDetail("kind", "external");
        } else {
            builder.withDetail("kind", "embedded")
                    .withDetail("dataFile", server.dataFile().toString());
        }
    }
}
