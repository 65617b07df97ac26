package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Severity;

class OpenParserTests {

    private final ParserFixture parser = ParserFixture.plainKeys();

    @Test
    void titleAloneGetsDefaults() {
        Command command = parser.command("open Suspicious OAuth consent grant");

        assertThat(command)
                .isEqualTo(new Command.Open(
                        "Suspicious OAuth consent grant", "", Severity.MEDIUM, Category.OTHER, List.of()));
    }

    @Test
    void firstLineIsTheTitle() {
        Command.Open open = open("open Impossible travel\nlogin from 203.0.113.7\nthen from 198.51.100.9");

        assertThat(open.title()).isEqualTo("Impossible travel");
        assertThat(open.description()).isEqualTo("login from 203.0.113.7\nthen from 198.51.100.9");
    }

    @Test
    void multilineReportKeepsBackslashesAndTabs() {
        Command.Open open = open(
                "open Ransom note found\nhost: WS-FIN-07\nfile: C:\\Users\\Public\\README_RESTORE.txt\n\tfirst seen 13:52 UTC");

        assertThat(open.title()).isEqualTo("Ransom note found");
        assertThat(open.description())
                .isEqualTo("host: WS-FIN-07\nfile: C:\\Users\\Public\\README_RESTORE.txt\n\tfirst seen 13:52 UTC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"desc", "description", "notes", "DESC"})
    void textAfterADescriptionMarkerIsTheDescription(String marker) {
        Command.Open open = open("open Phishing wave " + marker + ": 40 users got the same lure");

        assertThat(open.title()).isEqualTo("Phishing wave");
        assertThat(open.description()).isEqualTo("40 users got the same lure");
    }

    @Test
    void quotedDescriptionLosesItsQuotes() {
        Command.Open open = open("open Phishing wave desc:\"40 users, same lure\"");

        assertThat(open.description()).isEqualTo("40 users, same lure");
    }

    @Test
    void curlyQuotedDescriptionLosesItsQuotes() {
        Command.Open open = open("open Phishing wave desc:\u201C40 users, same lure\u201D");

        assertThat(open.description()).isEqualTo("40 users, same lure");
    }

    @Test
    void markedDescriptionComesBeforeExtraLines() {
        Command.Open open = open("open Phishing wave desc: lure mentions invoices\nreported by finance");

        assertThat(open.description()).isEqualTo("lure mentions invoices\nreported by finance");
    }

    @Test
    void markerOnLaterLineStaysText() {
        Command.Open open = open("open Phishing wave\nreported by finance desc: lure mentions invoices");

        assertThat(open.description()).isEqualTo("reported by finance desc: lure mentions invoices");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "open sev:high cat:phishing tags:o365,finance Phishing wave",
                "open Phishing sev:high cat:phishing tags:o365,finance wave",
                "open Phishing wave sev:high cat:phishing tags:o365,finance",
                "open Phishing wave\nsev:high cat:phishing tags:o365,finance",
                "open Phishing wave severity:HIGH category:Phishing tag:o365,finance"
            })
    void optionsMayStandAnywhere(String text) {
        Command command = parser.command(text);

        assertThat(command)
                .isEqualTo(new Command.Open(
                        "Phishing wave", "", Severity.HIGH, Category.PHISHING, List.of("o365", "finance")));
    }

    @Test
    void optionsInsideDescriptionStayText() {
        Command.Open open = open("open Phishing wave\nlure mentions invoices sev:2");

        assertThat(open.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(open.description()).isEqualTo("lure mentions invoices sev:2");
    }

    @Test
    void optionsAfterDescMarkerStayText() {
        Command.Open open = open("open Phish desc: attacker wrote sev:low and cat:malware in the body");

        assertThat(open.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(open.category()).isEqualTo(Category.OTHER);
        assertThat(open.description()).isEqualTo("attacker wrote sev:low and cat:malware in the body");
    }

    @Test
    void optionsOnlyLastLineSetsOptions() {
        Command.Open open = open("open Phishing wave\nlure mentions invoices\nsev:high tags:finance");

        assertThat(open.severity()).isEqualTo(Severity.HIGH);
        assertThat(open.tags()).containsExactly("finance");
        assertThat(open.description()).isEqualTo("lure mentions invoices");
    }

    @Test
    void trailingSeverityWordSetsSeverity() {
        Command.Open open = open("open Ransomware on FS-02 SEV-1");

        assertThat(open.title()).isEqualTo("Ransomware on FS-02");
        assertThat(open.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void trailingPriorityWordSetsSeverity() {
        Command.Open open = open("open Outage of mail gateway p2");

        assertThat(open.title()).isEqualTo("Outage of mail gateway");
        assertThat(open.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void conflictingSeveritiesAreRejected() {
        Problem problem = parser.problem("open dup sev:high sev:low");

        assertThat(problem.field()).isEqualTo("sev");
        assertThat(problem.value()).isEqualTo("high, low");
    }

    @Test
    void unknownOptionLikeWordsStayText() {
        Command.Open open = open("open Beacon to host:evil.example.com via proxy:10.0.0.5 sev:1");

        assertThat(open.title()).isEqualTo("Beacon to host:evil.example.com via proxy:10.0.0.5");
        assertThat(open.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void specialCharactersAreKeptAsTyped() {
        String title = "CVE-2026-1234 c++ exploit; score=9.8 (100% sure); a+b=c; path C:\\Temp\\%APPDATA%\\x.ps1;"
                + " query ?q=a%20b&x=1; tag #ir+dfir";

        Command.Open open = open("open " + title);

        assertThat(open.title()).isEqualTo(title);
    }

    @Test
    void mentionsInTheTitleAreKeptRaw() {
        Command.Open open = open("open <!channel> urgent @here");

        assertThat(open.title()).isEqualTo("<!channel> urgent @here");
    }

    @ParameterizedTest
    @CsvSource({"sev:1, CRITICAL", "sev:P2, HIGH", "sev:SEV-3, MEDIUM", "sev:low, LOW", "sev:Critical, CRITICAL"})
    void severityOptionAcceptsEveryForm(String option, Severity expected) {
        assertThat(open("open Phishing wave " + option).severity()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "cat:exfil, DATA_EXFILTRATION",
        "cat:data-exfiltration, DATA_EXFILTRATION",
        "cat:ddos, DENIAL_OF_SERVICE",
        "cat:MALWARE, MALWARE",
        "cat:unauthorized_access, UNAUTHORIZED_ACCESS"
    })
    void categoryOptionAcceptsNamesAndAliases(String option, Category expected) {
        assertThat(open("open Odd traffic " + option).category()).isEqualTo(expected);
    }

    @Test
    void tagsAreLowerCasedAndDeduplicated() {
        Command.Open open = open("open Phishing wave tags:O365,finance,,o365,#ir+dfir");

        assertThat(open.tags()).containsExactly("o365", "finance", "#ir+dfir");
    }

    @Test
    void slackLongTextSampleIsAccepted() throws IOException {
        String text = slashCommandText("/slack/slash-open-long-text.form");

        Command.Open open = open(text);

        assertThat(open.title()).isEqualTo("SSH brute force against bastion fleet");
        assertThat(open.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(open.description()).startsWith("Mar  6 13:58:00 bastion-01 sshd[48200]: Failed password");
        assertThat(open.description()).contains(">> count=27 & rising;");
        assertThat(open.description().length()).isGreaterThan(3_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"open", "open   ", "open sev:high", "open desc: only a description"})
    void missingTitleIsRejected(String text) {
        Problem problem = parser.problem(text);

        assertThat(problem.field()).isEqualTo("title");
        assertThat(problem.value()).isNull();
        assertThat(problem.example()).isEqualTo("/incident open Suspicious OAuth consent grant sev:high cat:phishing");
    }

    @Test
    void titleAtTheLimitIsAccepted() {
        String title = "t".repeat(CommandParser.MAX_TITLE_LENGTH);

        assertThat(open("open " + title).title()).isEqualTo(title);
    }

    @Test
    void titleOverTheLimitIsRejected() {
        Problem problem = parser.problem("open " + "t".repeat(201));

        assertThat(problem.field()).isEqualTo("title");
        assertThat(problem.reason()).isEqualTo("The title is 201 characters long; the limit is 200.");
        assertThat(problem.value()).hasSize(60);
    }

    @Test
    void descriptionOverTheLimitIsRejected() {
        Problem problem = parser.problem("open Phishing wave\n" + "d".repeat(10_001));

        assertThat(problem.field()).isEqualTo("description");
        assertThat(problem.reason()).contains("limit is 10000");
    }

    @Test
    void invalidSeverityIsRejected() {
        Problem problem = parser.problem("open Phishing wave sev:urgent");

        assertThat(problem.field()).isEqualTo("severity");
        assertThat(problem.value()).isEqualTo("urgent");
        assertThat(problem.reason()).contains(Severity.ACCEPTED_FORMS);
    }

    @Test
    void invalidCategoryIsRejected() {
        Problem problem = parser.problem("open Phishing wave cat:spam");

        assertThat(problem.field()).isEqualTo("category");
        assertThat(problem.value()).isEqualTo("spam");
        assertThat(problem.reason()).contains("phishing", "data_exfiltration");
    }

    @Test
    void tagWithInvalidCharactersIsRejected() {
        Problem problem = parser.problem("open Phishing wave tags:\"o365,bad tag\"");

        assertThat(problem.field()).isEqualTo("tags");
        assertThat(problem.value()).isEqualTo("bad tag");
    }

    @Test
    void tooManyTagsAreRejected() {
        StringBuilder tags = new StringBuilder("t0");
        for (int i = 1; i <= CommandParser.MAX_TAGS; i++) {
            tags.append(",t").append(i);
        }

        Problem problem = parser.problem("open Phishing wave tags:" + tags);

        assertThat(problem.field()).isEqualTo("tags");
        assertThat(problem.reason()).contains("At most 20 tags", "21 were given");
    }

    private Command.Open open(String text) {
        Command command = parser.command(text);

        assertThat(command).isInstanceOf(Command.Open.class);
        return (Command.Open) command;
    }

    /** Reads the {@code text} field of a Slack slash command body, decoded as a Slack app receives it. */
    private static String slashCommandText(String resource) throws IOException {
        String body;
        try (InputStream in = OpenParserTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String field : body.split("&")) {
            if (field.startsWith("text=")) {
                String text = URLDecoder.decode(field.substring("text=".length()), StandardCharsets.UTF_8);
                // Slack escapes these three characters in message text, and &amp; last so it is decoded once.
                return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            }
        }
        throw new IllegalStateException(resource + " has no text field");
    }
}
