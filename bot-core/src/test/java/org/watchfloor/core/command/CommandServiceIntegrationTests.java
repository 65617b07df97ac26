package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.watchfloor.core.access.AccessProperties;
import org.watchfloor.core.access.Role;
import org.watchfloor.core.access.RoleDirectory;
import org.watchfloor.core.access.RoleHolder;
import org.watchfloor.core.oncall.OnCallService;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.EmbeddedMongo;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.HashChain;
import org.watchfloor.core.ticket.KeyFormat;
import org.watchfloor.core.ticket.MongoTicketStore;
import org.watchfloor.core.ticket.Resolution;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.TimelineEvent;

/** Command text through the parser, the role checks and the ticket service, on the embedded store. */
class CommandServiceIntegrationTests {

    private static final Instant NOW = Instant.parse("2026-03-06T14:00:00Z");

    private static final Actor ANALYST = new Actor("slack", "U0123ABCD", "analyst.one");
    private static final Actor LEAD = new Actor("slack", "U0456EFGH", "lead.two");

    private static EmbeddedMongo mongo;

    private MongoTicketStore store;
    private CommandParser parser;
    private CommandService commands;

    @BeforeAll
    static void startServer() {
        mongo = EmbeddedMongo.start();
    }

    @AfterAll
    static void stopServer() {
        mongo.close();
    }

    @BeforeEach
    void emptyCollections() {
        mongo.template().remove(new Query(), "tickets");
        mongo.template().remove(new Query(), "counters");
        store = new MongoTicketStore(mongo.template());
        KeyFormat keys = KeyFormat.parse("INC-{seq}", ZoneOffset.UTC);
        TicketService tickets = new TicketService(store, keys, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));
        AccessProperties access =
                new AccessProperties(Map.of(LEAD.userId(), Role.TIER2), Map.of("S0IRTEAM", Role.TIER3), Role.TIER1);
        parser = new CommandParser(keys);
        OnCallService onCall = new OnCallService(Map.of(), mongo.template(), Clock.fixed(NOW, ZoneOffset.UTC));
        commands = new CommandService(tickets, new RoleDirectory(access, groupId -> Set.of()), onCall);
    }

    @Test
    void highTicketFullLifecycle() {
        String key = opened("open Suspicious OAuth consent grant sev:high cat:phishing", ANALYST);

        run("ack " + key, ANALYST);
        run("escalate " + key + " mailbox rules forward to an external address", ANALYST);
        run("note " + key + " removed the forwarding rule", LEAD);
        run("status " + key + " resolved app consent revoked", LEAD);
        Outcome closed = run(
                "close " + key
                        + " true_positive consent revoked root:\"consent phishing\" lessons:\"block user consent\"",
                LEAD);

        Ticket ticket = store.find(key).orElseThrow();
        assertThat(closed).isInstanceOf(Outcome.Changed.class);
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.tier()).isEqualTo(Tier.TIER2);
        assertThat(ticket.assignee()).isEqualTo(ANALYST);
        assertThat(ticket.closure().resolution()).isEqualTo(Resolution.TRUE_POSITIVE);
        assertThat(ticket.closure().rootCause()).isEqualTo("consent phishing");
        assertThat(ticket.timeline())
                .extracting(TimelineEvent::type)
                .containsExactly(
                        EventType.CREATED,
                        EventType.ACKNOWLEDGED,
                        EventType.STATUS_CHANGED,
                        EventType.ESCALATED,
                        EventType.NOTE_ADDED,
                        EventType.STATUS_CHANGED,
                        EventType.CLOSED);
        assertThat(HashChain.firstBrokenEvent(ticket.timeline())).isEmpty();
    }

    @Test
    void escalationAsksForAPageOfTheNewTier() {
        String key = opened("open Beacon to known C2 sev:critical", ANALYST);

        Outcome outcome = run("escalate " + key + " ir 3 hosts beaconing", ANALYST);

        assertThat(outcome).isInstanceOf(Outcome.Changed.class);
        Outcome.Page page = ((Outcome.Changed) outcome).page().orElseThrow();
        assertThat(page.tier()).isEqualTo(Tier.TIER3);
        assertThat(page.reason()).isEqualTo("3 hosts beaconing");
        assertThat(page.by()).isEqualTo(ANALYST);
    }

    @Test
    void tierOneCannotCloseHighTicket() {
        String key = resolvedHighTicket();

        Outcome outcome = run("close " + key + " true_positive done root:\"phish\" lessons:\"MFA\"", ANALYST);

        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        Outcome.Refused refused = (Outcome.Refused) outcome;
        assertThat(refused.action()).isEqualTo("close a HIGH ticket");
        assertThat(refused.required()).isEqualTo(Role.TIER2);
        assertThat(refused.held()).isEqualTo(Role.TIER1);
        assertThat(refused.holders())
                .containsExactly(
                        new RoleHolder("S0IRTEAM", true, Role.TIER3), new RoleHolder(LEAD.userId(), false, Role.TIER2));
        assertThat(store.find(key).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void tierTwoClosesHighTicket() {
        String key = resolvedHighTicket();

        Outcome outcome = run("close " + key + " true_positive done root:\"phish\" lessons:\"MFA\"", LEAD);

        assertThat(outcome).isInstanceOf(Outcome.Changed.class);
        assertThat(store.find(key).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void deescalateAtTierOneIsRefused() {
        String key = opened("open Adware on kiosk sev:low", ANALYST);
        run("escalate " + key + " unsure", ANALYST);

        Outcome outcome = run("deescalate " + key + " commodity adware", ANALYST);

        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        assertThat(((Outcome.Refused) outcome).required()).isEqualTo(Role.TIER2);
    }

    @Test
    void unknownKeyIsNotFound() {
        Outcome outcome = run("ack 404", ANALYST);

        assertThat(outcome).isEqualTo(new Outcome.NotFound("INC-404"));
    }

    @Test
    void showOfUnknownKeyIsNotFound() {
        assertThat(run("show INC-404", ANALYST)).isEqualTo(new Outcome.NotFound("INC-404"));
    }

    @Test
    void linkToAnExistingTicketIsInternal() {
        String first = opened("open Phishing wave", ANALYST);
        String second = opened("open Phishing wave, second lure", ANALYST);

        run("link " + second + " " + first.toLowerCase().replace("-", "") + " caused-by", ANALYST);

        Ticket ticket = store.find(second).orElseThrow();
        assertThat(ticket.links()).singleElement().satisfies(link -> {
            assertThat(link.target()).isEqualTo(first);
            assertThat(link.internal()).isTrue();
        });
    }

    @Test
    void linkToAnExternalKeyIsExternal() {
        String key = opened("open Phishing wave", ANALYST);

        run("link " + key + " JIRA-123", ANALYST);

        Ticket ticket = store.find(key).orElseThrow();
        assertThat(ticket.links()).singleElement().satisfies(link -> {
            assertThat(link.target()).isEqualTo("JIRA-123");
            assertThat(link.internal()).isFalse();
        });
    }

    @Test
    void linkToMissingTicketIsRejected() {
        String key = opened("open Phishing wave", ANALYST);

        Outcome outcome = run("link " + key + " INC-999", ANALYST);

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) outcome).problem().field()).isEqualTo("target");
        assertThat(store.find(key).orElseThrow().links()).isEmpty();
    }

    @Test
    void duplicateOfMissingOriginalIsRejected() {
        String key = opened("open Phishing wave", ANALYST);
        Ticket before = store.find(key).orElseThrow();

        Outcome outcome = run("close " + key + " duplicate INC-41 same lure", ANALYST);

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        assertThat(((Outcome.Rejected) outcome).problem().field()).isEqualTo("original");
        assertThat(((Outcome.Rejected) outcome).problem().value()).isEqualTo("INC-41");
        assertThat(store.find(key)).contains(before);
    }

    @Test
    void duplicateOfAnExistingOriginalCloses() {
        String original = opened("open Phishing wave", ANALYST);
        String key = opened("open Phishing wave again", ANALYST);

        Outcome outcome = run("close " + key + " duplicate " + original + " same lure", ANALYST);

        assertThat(outcome).isInstanceOf(Outcome.Changed.class);
        assertThat(store.find(key).orElseThrow().closure().duplicateOf()).isEqualTo(original);
    }

    @Test
    void secondAcknowledgeIsUnchanged() {
        String key = opened("open Phishing wave", ANALYST);
        run("ack " + key, ANALYST);

        Outcome outcome = run("ack " + key, ANALYST);

        assertThat(outcome).isInstanceOf(Outcome.Unchanged.class);
        assertThat(store.find(key).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void timelineReportsAnIntactChain() {
        String key = opened("open Phishing wave", ANALYST);
        run("note " + key + " sender blocked", ANALYST);

        Outcome outcome = run("timeline " + key, ANALYST);

        assertThat(outcome).isInstanceOf(Outcome.Shown.class);
        View.Timeline timeline = (View.Timeline) ((Outcome.Shown) outcome).view();
        assertThat(timeline.brokenAt()).isEmpty();
        assertThat(timeline.ticket().timeline()).hasSize(2);
    }

    @Test
    void listMineShowsOnlyTheCallersTickets() {
        String mine = opened("open Phishing wave", ANALYST);
        String theirs = opened("open Impossible travel", ANALYST);
        run("ack " + mine, ANALYST);
        run("ack " + theirs, LEAD);

        Outcome outcome = run("list mine", ANALYST);

        View.TicketList list = (View.TicketList) ((Outcome.Shown) outcome).view();
        assertThat(list.tickets()).extracting(summary -> summary.key()).containsExactly(mine);
    }

    @Test
    void openedTicketKeepsTheTypedSeverity() {
        String key = opened("open SSH brute force against bastion fleet sev:SEV-1", ANALYST);

        assertThat(store.find(key).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    private String resolvedHighTicket() {
        String key = opened("open Suspicious OAuth consent grant sev:high", ANALYST);
        run("status " + key + " resolved consent revoked", ANALYST);
        return key;
    }

    private String opened(String text, Actor actor) {
        Outcome outcome = run(text, actor);

        assertThat(outcome).isInstanceOf(Outcome.Opened.class);
        return ((Outcome.Opened) outcome).ticket().key();
    }

    private Outcome run(String text, Actor actor) {
        ParseResult parsed = parser.parse(text, NOW);

        assertThat(parsed).as("parse result of '%s'", text).isInstanceOf(ParseResult.Parsed.class);
        Command command = ((ParseResult.Parsed) parsed).command();
        return commands.execute(new CommandRequest(command, actor, "C0789IJKL"));
    }
}
