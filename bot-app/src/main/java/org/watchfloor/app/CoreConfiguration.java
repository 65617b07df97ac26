package org.watchfloor.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
import org.watchfloor.core.escalation.EscalationRules;
import org.watchfloor.core.housekeeping.Housekeeping;
import org.watchfloor.core.inbound.InboundDeliveries;
import org.watchfloor.core.notify.MongoOutbox;
import org.watchfloor.core.oncall.OnCallService;
import org.watchfloor.core.sla.SlaRules;
import org.watchfloor.core.ticket.MongoTicketStore;
import org.watchfloor.core.ticket.TicketPolicy;
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
    TicketService ticketService(
            MongoTicketStore store,
            TicketProperties properties,
            Clock clock,
            EscalationRules escalationRules,
            SlaRules slaRules) {
        // Escalation first, so that the SLA rules page for the tier the escalation rules chose.
        List<TicketPolicy> policies = List.of(escalationRules, slaRules);
        return new TicketService(store, properties.parsedKeyFormat(), clock, properties.changeRetryLimit(), policies);
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
    CommandService commandService(TicketService tickets, RoleDirectory roles, OnCallService onCall) {
        return new CommandService(tickets, roles, onCall);
    }

    @Bean
    InboundDeliveries inboundDeliveries(MongoTemplate mongo, Clock clock) {
        return new InboundDeliveries(mongo, clock, INBOUND_TAKEOVER);
    }

    @Bean
    Housekeeping housekeeping(InboundDeliveries inbound, MongoOutbox outbox, Clock clock) {
        return new Housekeeping(inbound, outbox, clock);
    }
}
