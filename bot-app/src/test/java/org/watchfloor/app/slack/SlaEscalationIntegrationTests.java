package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.Tier;

/**
 * Lets the real Quartz triggers run the SLA sweep and the outbox delivery while the test moves the application's
 * clock, and checks the stored tickets and the pages that reach the fake Slack.
 */
@TestPropertySource(
        properties = {
            "watchfloor.scheduler.sla-sweep-interval=200ms",
            "watchfloor.oncall.rosters.tier2.members=U0T2PRIME,U0T2SECOND",
            "watchfloor.oncall.rosters.tier2.start=2026-03-02",
            "watchfloor.oncall.rosters.tier3.members=U0T3PRIME,U0T3SECOND",
            "watchfloor.oncall.rosters.tier3.start=2026-03-02",
            "watchfloor.access.users.U0T3PRIME=TIER3",
            "watchfloor.slack.channels.triage=C0TRIAGE01",
            "watchfloor.scheduler.min-interval-per-channel=0s"
        })
class SlaEscalationIntegrationTests extends SlackAppIntegrationTest {

    @Test
    void unacknowledgedHighTicketIsWarnedBreachedAndPaged() {
        String key = open("Suspicious OAuth grant sev:high");

        clock.advance(Duration.ofMinutes(24));
        awaitTicket(key, ticket -> ticket.lastEvent(EventType.SLA_WARNING).isPresent());
        clock.advance(Duration.ofMinutes(6));
        Ticket breached = awaitTicket(key, ticket -> ticket.tier() == Tier.TIER2);

        assertThat(breached.lastEvent(EventType.SLA_BREACHED).orElseThrow().from())
                .isEqualTo("ACKNOWLEDGE");
        FakeSlack.Call page = slack.await(
                "chat.postMessage",
                call -> call.param("channel").equals(ONCALL_CHANNEL)
                        && call.param("text").contains(key)
                        && call.param("text").contains("Page for"));
        assertThat(page.param("text")).contains("<@U0T2PRIME>");
    }

    @Test
    void criticalTicketPagesTierThreeAtOnce() {
        String key = open("Ransomware on file server sev:critical");

        FakeSlack.Call page = slack.await(
                "chat.postMessage",
                call -> call.param("channel").equals(ONCALL_CHANNEL)
                        && call.param("text").contains(key)
                        && call.param("text").contains("Page for"));

        assertThat(page.param("text")).contains("<@U0T3PRIME>").contains("Tier 3");
        assertThat(stored(key).tier()).isEqualTo(Tier.TIER3);
    }

    @Test
    void acknowledgementStopsRepeats() {
        String key = open("Beaconing host sev:critical");
        slack.await(
                "chat.postMessage",
                call -> call.param("text").contains(key) && call.param("text").contains("Page for"));

        requests.slash("ack " + key, INCIDENT_CHANNEL, "U0T3PRIME");
        awaitTicket(key, ticket -> ticket.acknowledgedAt() != null);
        clock.advance(Duration.ofMinutes(6));
        sleep(1500);

        assertThat(stored(key).timeline().stream().filter(event -> event.type() == EventType.PAGED))
                .hasSize(1);
    }

    @Test
    void acknowledgementBelowPagedTierKeepsPaging() {
        String key = open("Credential dumping on DC sev:critical");
        slack.await(
                "chat.postMessage",
                call -> call.param("text").contains(key) && call.param("text").contains("Page for"));

        requests.slash("ack " + key, INCIDENT_CHANNEL, "U0ANALYST1");
        awaitTicket(key, ticket -> ticket.acknowledgedAt() != null);
        clock.advance(Duration.ofMinutes(6));

        awaitTicket(
                key,
                ticket -> ticket.timeline().stream()
                                .filter(event -> event.type() == EventType.PAGED)
                                .count()
                        == 2);
    }

    @Test
    void acknowledgementBelowPagedTierSaysPagingGoesOn() {
        String key = open("Pass-the-hash on file server sev:critical");
        awaitTicket(key, ticket -> ticket.lastEvent(EventType.PAGED).isPresent());

        String reply = text(requests.slash("ack " + key, INCIDENT_CHANNEL, "U0ANALYST1"));

        assertThat(reply).contains("acknowledged by <@U0ANALYST1>");
        assertThat(reply).contains("Paging of the Tier 3 on-call goes on").contains("TIER3 role or higher");
    }

    @Test
    void undeliverablePageIsReportedInTicketChannel() {
        slack.script("chat.postMessage", ONCALL_CHANNEL, FakeSlack.Answer.error("not_in_channel"));

        String key = open("Exfil to paste site sev:critical");

        FakeSlack.Call notice = slack.await(
                "chat.postMessage",
                call -> call.param("text").contains("could not be posted")
                        && call.param("text").contains(key));
        assertThat(notice.param("channel")).isNotEqualTo(ONCALL_CHANNEL);
        assertThat(notice.param("text")).contains("the page").contains("/invite @Watchfloor");
    }

    @Test
    void breachEscalationIsNotedInTicketThread() {
        String key = open("Impossible travel sev:high");
        String cardTs = awaitCardLocation(key).messageId();

        clock.advance(Duration.ofMinutes(31));

        FakeSlack.Call notice = slack.await(
                "chat.postMessage",
                call -> call.param("text").contains(key + "* escalated from Tier 1 to Tier 2 by Watchfloor"));
        assertThat(notice.param("thread_ts")).isEqualTo(cardTs);
    }

    @Test
    void closedTicketIsNeverPaged() {
        String key = open("Phishing report sev:high");
        requests.slash("close " + key + " false_positive marketing mail", INCIDENT_CHANNEL, "U0TIER2AA");
        awaitTicket(key, Ticket::isClosed);

        clock.advance(Duration.ofHours(30));
        sleep(1500);

        assertThat(stored(key).timeline().stream().filter(event -> event.type() == EventType.PAGED))
                .isEmpty();
        assertThat(stored(key).timeline().stream().filter(event -> event.type() == EventType.SLA_BREACHED))
                .isEmpty();
    }

    @Test
    void queuedPageOfClosedTicketIsDropped() {
        rateLimitFirstPost("Queued page of closed ticket");
        String key = open("Queued page of closed ticket sev:critical");
        String page = awaitRateLimitedPage(key);

        requests.slash("close " + key + " false_positive test alert", INCIDENT_CHANNEL, "U0TIER2AA");
        awaitTicket(key, Ticket::isClosed);
        clock.advance(Duration.ofSeconds(31));

        Document dropped = awaitNotification(page, "DROPPED");
        assertThat(dropped.getString("dropReason")).isEqualTo("ticket is closed");
        // Only the first attempt reached Slack, which rejected it with HTTP 429.
        assertThat(pagePosts(key)).hasSize(1);
    }

    @Test
    void queuedPageOfAcknowledgedTicketIsDropped() {
        rateLimitFirstPost("Queued page of acknowledged ticket");
        String key = open("Queued page of acknowledged ticket sev:critical");
        String page = awaitRateLimitedPage(key);

        requests.slash("ack " + key, INCIDENT_CHANNEL, "U0T3PRIME");
        awaitTicket(key, ticket -> ticket.acknowledgedAt() != null);
        clock.advance(Duration.ofSeconds(31));

        Document dropped = awaitNotification(page, "DROPPED");
        assertThat(dropped.getString("dropReason")).isEqualTo("acknowledged by U0T3PRIME");
        // Only the first attempt reached Slack, which rejected it with HTTP 429.
        assertThat(pagePosts(key)).hasSize(1);
    }

    @Test
    void queuedPageStillNeededIsPostedOnce() {
        rateLimitFirstPost("Queued page still needed");
        String key = open("Queued page still needed sev:critical");
        String page = awaitRateLimitedPage(key);

        // Tier 1 cannot stop a Tier 3 page.
        requests.slash("ack " + key, INCIDENT_CHANNEL, "U0ANALYST1");
        awaitTicket(key, ticket -> ticket.acknowledgedAt() != null);
        clock.advance(Duration.ofSeconds(31));

        Document sent = awaitNotification(page, "SENT");
        assertThat(sent.getInteger("attempts")).isEqualTo(2);
        // The rate-limited first attempt and the post.
        assertThat(pagePosts(key)).hasSize(2);
    }

    /**
     * Makes Slack reject the first on-call post whose text contains {@code title} with HTTP 429 and Retry-After 30, so
     * that the page of the ticket with that title waits in the outbox. The title singles out the page, because posts
     * left over from earlier tests share the on-call channel.
     */
    private static void rateLimitFirstPost(String title) {
        slack.scriptText(
                "chat.postMessage", ONCALL_CHANNEL, title, FakeSlack.Answer.status(429, Map.of("Retry-After", "30")));
    }

    /** Waits until the first attempt of the ticket's page was rate-limited and returns the page's dedup key. */
    private String awaitRateLimitedPage(String key) {
        Query page = Query.query(
                where("_id").regex("^page:" + key + ":").and("lastError").is("HTTP 429"));
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Document stored = mongo.findOne(page, Document.class, "notifications");
            if (stored != null) {
                return stored.getString("_id");
            }
            sleep(20);
        }
        throw new AssertionError("The page of " + key + " was never rate-limited: " + slack.calls("chat.postMessage"));
    }

    private Document awaitNotification(String dedupKey, String state) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Document stored = mongo.findById(dedupKey, Document.class, "notifications");
            if (stored != null && state.equals(stored.getString("state"))) {
                return stored;
            }
            sleep(20);
        }
        throw new AssertionError(dedupKey + " never reached " + state + ": "
                + mongo.findById(dedupKey, Document.class, "notifications"));
    }

    /** Returns the posts of the ticket's pages that reached the fake Slack, after waiting for late ones. */
    private List<FakeSlack.Call> pagePosts(String key) {
        return slack.settle("chat.postMessage").stream()
                .filter(call -> call.param("channel").equals(ONCALL_CHANNEL))
                .filter(call -> call.param("text").contains("Page for")
                        && call.param("text").contains(key))
                .toList();
    }

    private String open(String text) {
        return keyIn(
                requests.slash("open " + text, INCIDENT_CHANNEL, "U0ANALYST1").body());
    }

    private Ticket awaitTicket(String key, Predicate<Ticket> condition) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Ticket ticket = stored(key);
            if (condition.test(ticket)) {
                return ticket;
            }
            sleep(50);
        }
        throw new AssertionError("Ticket " + key + " never reached the expected state: " + stored(key));
    }
}
