package org.watchfloor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.NewTicket;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;
import org.watchfloor.core.ticket.Workflow;

/** Stops the app and starts it again on the same data folder: tickets, their changes and counters are kept. */
class RestartIntegrationTests {

    private static final Actor ANALYST = new Actor("slack", "U0123ABCD", "analyst.one");

    @TempDir
    Path dataDir;

    @Test
    void ticketsAndCountersSurviveRestart() {
        try (ConfigurableApplicationContext first = start()) {
            TicketService tickets = first.getBean(TicketService.class);
            tickets.open(newTicket("Phishing wave against finance"), ANALYST);
            Ticket second = tickets.open(newTicket("Beaconing from WS-ENG-11"), ANALYST);
            tickets.change(second.key(), (ticket, now) -> Workflow.acknowledge(ticket, ANALYST, now));
        }

        try (ConfigurableApplicationContext restarted = start()) {
            TicketService tickets = restarted.getBean(TicketService.class);
            Ticket third = tickets.open(newTicket("Third ticket after restart"), ANALYST);

            assertThat(tickets.find("INC-1").orElseThrow().title()).isEqualTo("Phishing wave against finance");
            assertThat(tickets.find("INC-2").orElseThrow().acknowledgedAt()).isNotNull();
            assertThat(tickets.find("INC-2").orElseThrow().timeline()).hasSize(3);
            assertThat(third.key()).isEqualTo("INC-3");
        }
    }

    private ConfigurableApplicationContext start() {
        // Arguments, because builder properties rank below application.yml.
        return new SpringApplicationBuilder(WatchfloorApplication.class)
                .run(
                        "--server.port=0",
                        "--watchfloor.store.data-dir=" + dataDir,
                        "--watchfloor.slack.signing-secret=restart-test-secret",
                        "--watchfloor.slack.bot-token=");
    }

    private static NewTicket newTicket(String title) {
        return new NewTicket(
                title, "", Severity.MEDIUM, Category.OTHER, List.of(), null, null, List.of(), TicketSource.MANUAL);
    }
}
