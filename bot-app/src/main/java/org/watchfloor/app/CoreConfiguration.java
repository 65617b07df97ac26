package org.watchfloor.app;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.watchfloor.core.access.AccessProperties;
import org.watchfloor.core.access.GroupMembership;
import org.watchfloor.core.access.RoleDirectory;
import org.watchfloor.core.command.CommandParser;
import org.watchfloor.core.command.CommandService;
import org.watchfloor.core.inbound.InboundDeliveries;
import org.watchfloor.core.ticket.MongoTicketStore;
import org.watchfloor.core.ticket.TicketProperties;
import org.watchfloor.core.ticket.TicketService;

/** Wires the platform-neutral core: the ticket store and service, the command language and roles. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TicketProperties.class, AccessProperties.class})
class CoreConfiguration {

    /** A claimed Slack event whose replica died is taken over after this long, when Slack retries it. */
    private static final Duration INBOUND_TAKEOVER = Duration.ofSeconds(30);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoTicketStore ticketStore(MongoTemplate mongo) {
        MongoTicketStore store = new MongoTicketStore(mongo);
        store.createIndexes();
        return store;
    }

    @Bean
    TicketService ticketService(MongoTicketStore store, TicketProperties properties, Clock clock) {
        return new TicketService(store, properties.parsedKeyFormat(), clock, properties.changeRetryLimit());
    }

    @Bean
    CommandParser commandParser(TicketProperties properties) {
        return new CommandParser(properties.parsedKeyFormat());
    }

    @Bean
    RoleDirectory roleDirectory(AccessProperties properties, GroupMembership groups) {
        return new RoleDirectory(properties, groups);
    }

    @Bean
    CommandService commandService(TicketService tickets, RoleDirectory roles) {
        return new CommandService(tickets, roles);
    }

    @Bean
    InboundDeliveries inboundDeliveries(MongoTemplate mongo, Clock clock) {
        return new InboundDeliveries(mongo, clock, INBOUND_TAKEOVER);
    }
}
