package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.HashChain;
import org.watchfloor.core.ticket.Resolution;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;

/** Drives typed {@code /incident} commands through the running app, and checks replies, tickets and posts. */
class SlackCommandsIntegrationTests extends SlackAppIntegrationTest {

    private static final String ANALYST = "U0ANALYST1";
    private static final String LEAD = "U0TIER2AA";

    @Test
    void lifecycleFromOpenToCloseKeepsChainIntact() {
        String key = open("Beaconing to rare domain from WS-ENG-11 sev:high cat:malware");
        card(key);

        slash("ack " + key, ANALYST);
        slash("status " + key + " investigating pulled EDR triage package", ANALYST);
        slash("note " + key + " C2 domain is 3 days old", ANALYST);
        slash("link " + key + " JIRA-4411 related", ANALYST);
        slash("status " + key + " contained host isolated", ANALYST);
        slash("status " + key + " resolved reimaged", ANALYST);
        HttpResponse<String> close = slash(
                "close " + key + " true_positive reimaged and blocked root:\"malicious"
                        + " browser extension\" lessons:\"block unsigned extensions\"",
                LEAD);

        assertThat(text(close)).contains("closed as true_positive");
        Ticket ticket = stored(key);
        assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.closure().resolution()).isEqualTo(Resolution.TRUE_POSITIVE);
        assertThat(ticket.closure().rootCause()).isEqualTo("malicious browser extension");
        assertThat(ticket.links()).extracting(link -> link.target()).containsExactly("JIRA-4411");
        assertThat(ticket.timeline()).hasSize(9);
        assertThat(HashChain.firstBrokenEvent(ticket.timeline())).isEmpty();
    }

    @Test
    void changeNoticeGoesToCardThread() {
        String key = open("Credential stuffing on VPN portal sev:medium");
        FakeSlack.Call card = card(key);
        String cardTs = awaitCardLocation(key).messageId();

        slash("note " + key + " blocked 203.0.113.0/24 at the edge", ANALYST);

        FakeSlack.Call notice =
                slack.await("chat.postMessage", call -> call.param("text").contains(key + "* note by"));
        assertThat(notice.param("thread_ts")).isEqualTo(cardTs);
        assertThat(notice.param("channel")).isEqualTo(card.param("channel"));
        FakeSlack.Call update =
                slack.await("chat.update", call -> call.param("ts").equals(cardTs));
        assertThat(update.param("channel")).isEqualTo(INCIDENT_CHANNEL);
    }

    @Test
    void escalateToTierThreePagesItsGroup() {
        String key = open("Domain admin token theft sev:high");

        HttpResponse<String> response = slash("escalate " + key + " ir golden ticket suspected", ANALYST);

        assertThat(text(response)).contains("Paged the Tier 3 on-call");
        // Pages of earlier tests in this class may still reach the channel, so wait for this ticket's page.
        FakeSlack.Call page = slack.await(
                "chat.postMessage",
                call -> call.param("channel").equals(ONCALL_CHANNEL)
                        && call.param("text").contains(key));
        assertThat(page.param("text")).contains("<!subteam^" + TIER3_ONCALL_GROUP + ">");
        assertThat(stored(key).tier()).isEqualTo(Tier.TIER3);
    }

    @Test
    void titleMentionsAreShownAsText() {
        String key = open("<!channel> wire fraud <@U0BOSS123> see <https://bank.example.com|bank>");

        FakeSlack.Call card = card(key);

        assertThat(card.param("text")).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
        assertThat(card.param("text")).doesNotContain("<@U0BOSS123>").doesNotContain("<https://bank");
        assertThat(stored(key).title()).startsWith("<!channel> wire fraud <@U0BOSS123>");
    }

    @Test
    void directMessageIsRefused() {
        long before = ticketCount();

        HttpResponse<String> response = requests.slash("open Lost laptop", "D0DM24680", ANALYST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).contains("work in a channel");
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void invalidSeverityNamesFieldValueAndExample() {
        long before = ticketCount();

        HttpResponse<String> response = slash("open Phishing wave sev:urgent", ANALYST);

        assertThat(text(response)).contains("severity").contains("urgent").contains("/incident open");
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void unknownCommandSuggestsClosest() {
        HttpResponse<String> response = slash("escalte INC-1 now", ANALYST);

        assertThat(text(response)).contains("Did you mean escalate?");
    }

    @Test
    void unknownTicketGetsNotFound() {
        HttpResponse<String> response = slash("show 9999", ANALYST);

        assertThat(text(response)).contains("No ticket INC-2026-9999");
    }

    @Test
    void closingHighTicketNeedsTierTwo() {
        String key = open("Exposed S3 bucket with customer data sev:high");

        HttpResponse<String> response = slash("close " + key + " false_positive test bucket", ANALYST);

        assertThat(text(response))
                .contains("TIER2")
                .contains("your role is TIER1")
                .contains("<@" + LEAD + ">");
        assertThat(stored(key).status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void groupMemberGetsGroupRole() {
        String key = open("Mass mailbox rule creation sev:high");
        slash("escalate " + key + " many mailboxes", ANALYST);

        HttpResponse<String> response = slash("deescalate " + key + " known migration tool", "U0LEADER7");

        assertThat(text(response)).contains("handed back from Tier 2 to Tier 1");
        assertThat(stored(key).tier()).isEqualTo(Tier.TIER1);
    }

    @Test
    void lowerSeverityNeedsTierTwo() {
        String key = open("Ransomware precursor sev:critical");

        HttpResponse<String> refused = slash("sev " + key + " low false alarm", ANALYST);
        HttpResponse<String> allowed = slash("sev " + key + " low sandbox detonation only", LEAD);

        assertThat(text(refused)).contains("lower the severity");
        assertThat(text(allowed)).contains("severity changed from SEV-1 to SEV-4");
        assertThat(stored(key).severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void timelineReportsIntactChain() {
        String key = open("Suspicious PowerShell on WS-HR-02");
        slash("note " + key + " encoded command decoded", ANALYST);

        HttpResponse<String> response = slash("timeline " + key, ANALYST);

        assertThat(text(response)).contains("Hash chain intact").contains("note by");
    }

    @Test
    void timelinePagesOlderEvents() {
        String key = open("Noisy ticket with a long history");
        for (int i = 1; i <= 60; i++) {
            int number = i;
            tickets.change(
                    key,
                    (ticket, now) -> org.watchfloor.core.ticket.Workflow.addNote(
                            ticket,
                            new org.watchfloor.core.ticket.Actor("slack", ANALYST, "analyst"),
                            "note " + number,
                            now));
        }

        String newest = text(slash("timeline " + key, ANALYST));
        String oldest = text(slash("timeline " + key + " 2", ANALYST));

        assertThat(newest)
                .contains("61 events, page 1 of 2")
                .contains("11 older events")
                .contains("note 60");
        assertThat(newest).doesNotContain("opened by");
        assertThat(oldest)
                .contains("page 2 of 2")
                .contains("1. ")
                .contains("opened by")
                .contains("note 10");
        assertThat(oldest).doesNotContain("note 11:");
    }

    @Test
    void listHeaderCountsAllMatches() {
        open("Counted ticket one");
        open("Counted ticket two");

        String response = text(slash("list all limit:1", ANALYST));

        assertThat(response).containsPattern("newest 1 of \\d+").contains("Add filters");
    }

    @Test
    void bidiOverrideIsDroppedWhenRendered() {
        String key = open("Attachment invoice\u202Efdp.exe opened");

        FakeSlack.Call card = card(key);

        assertThat(card.param("text")).contains("invoicefdp.exe").doesNotContain("\u202E");
        assertThat(stored(key).title()).contains("\u202E");
    }

    @Test
    void listShowsNewestOpenTicketsFirst() {
        String older = open("Older phishing report");
        clock.advance(Duration.ofMinutes(1));
        String newer = open("Newer phishing report");

        HttpResponse<String> response = slash("list open limit:100", ANALYST);

        assertThat(text(response).indexOf(newer)).isLessThan(text(response).indexOf(older));
    }

    @Test
    void postNotInChannelTellsCallerToInvite() {
        slack.script("chat.postMessage", "C0NOTIN01", FakeSlack.Answer.error("not_in_channel"));

        String key = keyIn(requests.slash("open Phishing kit hosted on partner site", "C0NOTIN01", ANALYST)
                .body());

        FakeSlack.Call reply =
                slack.await("/response/caller", call -> call.body().contains(key));
        assertThat(reply.body()).contains("/invite @Watchfloor");
        assertThat(stored(key).chatLocation("slack")).isEmpty();
    }

    @Test
    void missingCardIsPostedWithNextChange() {
        slack.script("chat.postMessage", "C0NOTIN02", FakeSlack.Answer.error("not_in_channel"));
        String key = keyIn(requests.slash("open Card lost on first try", "C0NOTIN02", ANALYST)
                .body());
        slack.await("/response/caller", call -> call.body().contains(key));

        requests.slash("note " + key + " card", "C0NOTIN02", ANALYST);

        FakeSlack.Call card = slack.await(
                "chat.postMessage",
                call -> call.param("channel").equals("C0NOTIN02")
                        && call.param("blocks").contains("inc_actions:" + key));
        assertThat(awaitCardLocation(key).channelId()).isEqualTo("C0NOTIN02");
        FakeSlack.Call notice =
                slack.await("chat.postMessage", call -> call.param("text").contains(key + "* note by"));
        assertThat(notice.param("thread_ts")).isEqualTo(awaitCardLocation(key).messageId());
        assertThat(card.param("text")).contains("Card lost on first try");
    }

    @Test
    void rateLimitedPostIsRetried() {
        slack.script("chat.postMessage", "C0LIMITED1", FakeSlack.Answer.status(429, Map.of("Retry-After", "1")));

        String key = keyIn(requests.slash("open Tor exit node logins on SSO", "C0LIMITED1", ANALYST)
                .body());

        awaitCardLocation(key);
        assertThat(slack.calls("chat.postMessage").stream()
                        .filter(call -> call.param("blocks").contains("inc_actions:" + key)))
                .hasSize(2);
    }

    @Test
    void reopenAfterFalsePositiveGoesBackToInvestigating() {
        String key = open("Impossible travel for j.doe sev:low");
        slash("close " + key + " false_positive VPN egress", ANALYST);

        HttpResponse<String> response = slash("reopen " + key + " same IP seen on a second account", ANALYST);

        assertThat(text(response)).contains("reopened");
        Ticket ticket = stored(key);
        assertThat(ticket.status()).isEqualTo(TicketStatus.INVESTIGATING);
        assertThat(ticket.closure()).isNull();
        assertThat(ticket.lastEvent(EventType.REOPENED)).isPresent();
    }

    @Test
    void bareOpenShowsOpenIncidentForm() {
        long before = ticketCount();

        HttpResponse<String> response = slash("open", ANALYST);

        FakeSlack.Call form =
                slack.await("views.open", call -> call.param("view").contains("incident_open_modal"));
        assertThat(form.param("trigger_id")).isEqualTo("7890123456789.1234567890123.0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        assertThat(form.param("view"))
                .contains(INCIDENT_CHANNEL)
                .contains("title_block")
                .contains("severity_select");
        assertThat(response.body()).isEmpty();
        assertThat(ticketCount()).isEqualTo(before);
    }

    private String open(String text) {
        return keyIn(slash("open " + text, ANALYST).body());
    }

    private FakeSlack.Call card(String key) {
        return slack.await("chat.postMessage", call -> call.param("blocks").contains("inc_actions:" + key));
    }

    private HttpResponse<String> slash(String text, String user) {
        HttpResponse<String> response = requests.slash(text, INCIDENT_CHANNEL, user);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
