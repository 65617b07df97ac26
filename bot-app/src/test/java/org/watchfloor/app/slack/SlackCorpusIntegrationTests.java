package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Closure;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.Resolution;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;
import org.watchfloor.core.ticket.Workflow;

/** Sends every Slack corpus sample to the running app and checks the stored tickets and what Slack received. */
class SlackCorpusIntegrationTests extends SlackAppIntegrationTest {

    @Test
    void openBasicCreatesHighTicket() {
        HttpResponse<String> response = requests.send("slash-open-basic");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"response_type\":\"ephemeral\"").contains("Opened");
        Ticket ticket = stored(keyIn(response.body()));
        assertThat(ticket.title()).isEqualTo("Suspicious OAuth consent grant for finance mailbox");
        assertThat(ticket.severity()).isEqualTo(Severity.HIGH);
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.reporter().userId()).isEqualTo("U0123ABCD");
        assertThat(ticket.createdAt()).isEqualTo(SAMPLE_DAY);
    }

    @Test
    void openBasicPostsCardAndStoresItsLocation() {
        String key = keyIn(requests.send("slash-open-basic").body());

        FakeSlack.Call card =
                slack.await("chat.postMessage", call -> call.param("blocks").contains(key));
        assertThat(card.param("channel")).isEqualTo(INCIDENT_CHANNEL);
        assertThat(card.param("blocks")).contains("inc_actions:" + key).contains("incident_ack");
        assertThat(card.param("text")).contains(key).contains("Suspicious OAuth consent grant");
        assertThat(awaitCardLocation(key).channelId()).isEqualTo(INCIDENT_CHANNEL);
    }

    @Test
    void openMultilineKeepsTitleLineAndRawDescription() {
        Ticket ticket = stored(keyIn(requests.send("slash-open-multiline").body()));

        assertThat(ticket.title()).isEqualTo("Ransom note found");
        assertThat(ticket.description())
                .isEqualTo("host: WS-FIN-07\nfile: C:\\Users\\Public\\README_RESTORE.txt\n\tfirst seen 13:52 UTC");
    }

    @Test
    void openPlusAndPercentStoresTextAsTyped() {
        Ticket ticket =
                stored(keyIn(requests.send("slash-open-plus-and-percent").body()));

        assertThat(ticket.title())
                .isEqualTo("CVE-2026-1234 c++ exploit; score=9.8 (100% sure); a+b=c; path C:\\Temp\\%APPDATA%\\x.ps1;"
                        + " query ?q=a%20b&x=1; tag #ir+dfir");
    }

    @Test
    void openLongTextIsAcceptedWithinLimits() {
        HttpResponse<String> response = requests.send("slash-open-long-text");

        assertThat(response.statusCode()).isEqualTo(200);
        Ticket ticket = stored(keyIn(response.body()));
        assertThat(ticket.title()).isEqualTo("SSH brute force against bastion fleet");
        assertThat(ticket.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ticket.description()).startsWith("Mar  6 13:58:00 bastion-01 sshd[48200]");
        assertThat(ticket.description()).contains(">> count=1 & rising;");
        assertThat(ticket.description()).endsWith("ssh2 >> count=27 & rising; xxxxxxxxxxxxxxxx");
    }

    @Test
    void emptyTextShowsHelpToCallerOnly() {
        long before = ticketCount();

        HttpResponse<String> response = requests.send("slash-empty-text");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"response_type\":\"ephemeral\"").contains("/incident open");
        assertThat(ticketCount()).isEqualTo(before);
        assertThat(slack.settle("chat.postMessage").stream()
                        .filter(call -> call.param("channel").equals("D0DM24680")))
                .isEmpty();
    }

    @Test
    void ackButtonAssignsClickerAndUpdatesCard() {
        recreate(42, "SSH brute force on bastion fleet");

        HttpResponse<String> response = requests.send("block-actions-ack-button");

        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlack.Call update =
                slack.await("chat.update", call -> call.param("ts").equals("1772805902.004200"));
        assertThat(update.param("channel")).isEqualTo(INCIDENT_CHANNEL);
        assertThat(update.param("blocks")).contains("U0456EFGH");
        Ticket ticket = stored("INC-2026-0042");
        assertThat(ticket.assignee().userId()).isEqualTo("U0456EFGH");
        assertThat(ticket.acknowledgedAt()).isEqualTo(SAMPLE_DAY);
        assertThat(ticket.status()).isEqualTo(TicketStatus.TRIAGED);
    }

    @Test
    void escalateButtonRaisesTierAndPagesOnCall() {
        recreate(42, "SSH brute force on bastion fleet");

        requests.send("block-actions-escalate-click-1");

        FakeSlack.Call page =
                slack.await("chat.postMessage", call -> call.param("channel").equals(ONCALL_CHANNEL));
        assertThat(page.param("text"))
                .contains("<!subteam^" + TIER2_ONCALL_GROUP + ">")
                .contains("INC-2026-0042");
        assertThat(stored("INC-2026-0042").tier()).isEqualTo(Tier.TIER2);
    }

    @Test
    void escalateButtonDoubleClickEscalatesOnce() {
        recreate(42, "SSH brute force on bastion fleet");

        requests.send("block-actions-escalate-click-1");
        requests.send("block-actions-escalate-click-1");

        slack.await("/response/caller", call -> call.body().contains("just escalated"));
        Ticket ticket = stored("INC-2026-0042");
        assertThat(ticket.tier()).isEqualTo(Tier.TIER2);
        assertThat(ticket.timeline().stream().filter(event -> event.type() == EventType.ESCALATED))
                .hasSize(1);
        assertThat(slack.settle("chat.postMessage").stream()
                        .filter(call -> call.param("channel").equals(ONCALL_CHANNEL)))
                .hasSize(1);
    }

    @Test
    void staleButtonChangesNothingAndTellsCurrentState() {
        Ticket closed = closeAsFalsePositive(recreate(31, "Impossible travel sign-in j.doe"));

        HttpResponse<String> response = requests.send("block-actions-stale-button");

        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlack.Call reply =
                slack.await("/response/caller", call -> call.body().contains("INC-2026-0031"));
        assertThat(reply.body()).contains("closed as false_positive").contains("reopen");
        Ticket after = stored("INC-2026-0031");
        assertThat(after.version()).isEqualTo(closed.version());
        assertThat(after.tier()).isEqualTo(Tier.TIER1);
        assertThat(slack.settle("chat.postMessage").stream()
                        .filter(call -> call.param("text").contains("INC-2026-0031")))
                .isEmpty();
    }

    @Test
    void urlVerificationAnswersChallenge() {
        HttpResponse<String> response = requests.send("events-url-verification");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("q7Vb2Xr9Lm4Tz1Kp8Wd3Hs6Nf0Gc5Jy2Ua9Re4Ox7Ik1Pl3");
    }

    @Test
    void appMentionEscalatesAndRepliesInThread() {
        recreate(42, "SSH brute force on bastion fleet");

        HttpResponse<String> response = requests.send("events-app-mention");

        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlack.Call reply =
                slack.await("chat.postMessage", call -> call.param("thread_ts").equals("1772806500.000300"));
        assertThat(reply.param("channel")).isEqualTo(INCIDENT_CHANNEL);
        assertThat(reply.param("text")).contains("escalated from Tier 1 to Tier 2");
        Ticket ticket = stored("INC-2026-0042");
        assertThat(ticket.tier()).isEqualTo(Tier.TIER2);
        assertThat(ticket.lastEvent(EventType.ESCALATED).orElseThrow().note())
                .isEqualTo("& page <!subteam^S0123ABCD> \u2014 exfil to 198.51.100.23 confirmed");
    }

    @Test
    void appMentionPageShowsTypedMentionAsText() {
        recreate(42, "SSH brute force on bastion fleet");

        requests.send("events-app-mention");

        FakeSlack.Call page =
                slack.await("chat.postMessage", call -> call.param("channel").equals(ONCALL_CHANNEL));
        assertThat(page.param("text")).contains("&lt;!subteam^S0123ABCD&gt;");
        assertThat(page.param("text")).doesNotContain("<!subteam^S0123ABCD>");
    }

    @Test
    void appMentionRetryActsOnce() {
        recreate(42, "SSH brute force on bastion fleet");

        HttpResponse<String> first = requests.send("events-app-mention");
        HttpResponse<String> retry = requests.send("events-app-mention-retry1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        slack.await("chat.postMessage", call -> call.param("thread_ts").equals("1772806500.000300"));
        List<FakeSlack.Call> posts = slack.settle("chat.postMessage");
        assertThat(posts.stream().filter(call -> call.param("thread_ts").equals("1772806500.000300")))
                .hasSize(1);
        assertThat(posts.stream().filter(call -> call.param("channel").equals(ONCALL_CHANNEL)))
                .hasSize(1);
        assertThat(stored("INC-2026-0042").timeline().stream().filter(event -> event.type() == EventType.ESCALATED))
                .hasSize(1);
    }

    @Test
    void viewSubmissionOpensTicketFromFields() {
        long before = ticketCount();

        HttpResponse<String> response = requests.send("view-submission-open-incident");

        assertThat(response.statusCode()).isEqualTo(200);
        FakeSlack.Call card =
                slack.await("chat.postMessage", call -> call.param("text").contains("C++ loader"));
        Ticket ticket = stored(keyIn(card.param("text")));
        assertThat(ticketCount()).isEqualTo(before + 1);
        assertThat(ticket.title()).isEqualTo("C++ loader + \"invoice\" lure \u2192 3 users clicked \ud83c\udfa3");
        assertThat(ticket.severity()).isEqualTo(Severity.HIGH);
        assertThat(ticket.assignee().userId()).isEqualTo("U0456EFGH");
        assertThat(ticket.detectedAt()).isEqualTo(Instant.ofEpochSecond(1772805120));
        assertThat(ticket.tags()).containsExactly("phishing", "finance");
        assertThat(ticket.description()).contains("<script>alert(1)</script>").contains("<billing@pay-example.net>");
    }

    @Test
    void viewSubmissionCardShowsMarkupAsText() {
        requests.send("view-submission-open-incident");

        FakeSlack.Call card =
                slack.await("chat.postMessage", call -> call.param("text").contains("C++ loader"));
        assertThat(card.param("channel")).isEqualTo(INCIDENT_CHANNEL);
        assertThat(card.blocks()).contains("&lt;script&gt;").contains("&lt;billing@pay-example.net&gt;");
        assertThat(card.blocks()).doesNotContain("<script>").doesNotContain("<billing@");
    }

    @Test
    void staleSignatureIsRejected() {
        long before = ticketCount();

        HttpResponse<String> response = requests.replayAsRecorded("slash-open-basic");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void wrongSecretIsRejected() {
        long before = ticketCount();
        SlackRequests forged = new SlackRequests(port, "not-the-secret", slack.responseUrl("caller"));

        HttpResponse<String> response = forged.send("slash-open-basic");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ticketCount()).isEqualTo(before);
    }

    private Ticket closeAsFalsePositive(Ticket ticket) {
        Actor lead = new Actor("slack", "U0TIER2AA", "lead");
        Closure closure = new Closure(
                Resolution.FALSE_POSITIVE, "VPN egress in another country", null, null, null, List.of(), false);
        tickets.change(ticket.key(), (current, now) -> Workflow.close(current, lead, closure, now));
        return stored(ticket.key());
    }
}
