package org.watchfloor.app.notify;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.watchfloor.core.notify.ChatDelivery;
import org.watchfloor.core.notify.FailedDeliveries;
import org.watchfloor.core.notify.MongoOutbox;
import org.watchfloor.core.notify.OutboxDelivery;
import org.watchfloor.core.notify.PageCheck;
import org.watchfloor.scheduler.SchedulerProperties;

/**
 * Wires the outbox: the store that callers enqueue into, its delivery through every {@link ChatDelivery} bean, which
 * the scheduler's job runs, and the query behind the {@code deliveries} admin endpoint.
 */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotifyConfiguration.class);

    @Bean
    MongoOutbox outbox(MongoTemplate mongo, Clock clock) {
        MongoOutbox outbox = new MongoOutbox(mongo, clock);
        outbox.createCollections();
        return outbox;
    }

    @Bean
    OutboxDelivery outboxDelivery(
            MongoOutbox outbox,
            MongoTemplate mongo,
            Clock clock,
            List<ChatDelivery> deliveries,
            PageCheck pageCheck,
            SchedulerProperties properties) {
        // Depends on the outbox bean, so its collections exist before the first run.
        String replica = replicaId();
        log.info(
                "Outbox delivery replica={} platforms={} settings={}",
                replica,
                deliveries.stream().map(ChatDelivery::platform).toList(),
                properties.deliverySettings());
        return new OutboxDelivery(mongo, clock, deliveries, properties.deliverySettings(), pageCheck, replica);
    }

    @Bean
    FailedDeliveries failedDeliveries(MongoTemplate mongo) {
        return new FailedDeliveries(mongo);
    }

    @Bean
    DeliveriesEndpoint deliveriesEndpoint(FailedDeliveries failedDeliveries) {
        return new DeliveriesEndpoint(failedDeliveries);
    }

    /**
     * Returns an id for this process's leases: the host name where the environment gives one (a container's id in
     * Docker), the process id, and a random part, so two processes on one host or a restarted one never share it.
     */
    private static String replicaId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "local");
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        return host + "-" + ProcessHandle.current().pid() + "-" + random;
    }
}
