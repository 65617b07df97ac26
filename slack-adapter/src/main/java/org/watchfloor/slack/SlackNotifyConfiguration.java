package org.watchfloor.slack;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.watchfloor.core.notify.Outbox;
import org.watchfloor.core.notify.OutboxDelivery;
import org.watchfloor.core.notify.TicketNotifier;
import org.watchfloor.core.ticket.TicketService;

/** Wires the Slack rendering of pages and SLA notices into the outbox. */
@Configuration(proxyBeanMethods = false)
class SlackNotifyConfiguration {

    @Bean
    TicketNotifier slackTicketNotifier(Outbox outbox, SlackProperties properties) {
        return new SlackTicketNotifier(outbox, properties);
    }

    @Bean
    DeliveryFailureNotices deliveryFailureNotices(
            Outbox outbox, TicketService tickets, SlackProperties properties, OutboxDelivery delivery) {
        DeliveryFailureNotices notices = new DeliveryFailureNotices(outbox, tickets, properties);
        delivery.onFailure(notices::failed);
        return notices;
    }
}
