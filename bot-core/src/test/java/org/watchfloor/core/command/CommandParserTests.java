package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.core.ticket.LinkRelation;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;

/** The commands that name a ticket, help, and unknown commands; open, list and close have their own tests. */
class CommandParserTests {

    private final ParserFixture parser = ParserFixture.plainKeys();

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t"})
    void emptyTextAsksForHelp(String text) {
        assertThat(parser.command(text)).isEqualTo(new Command.Help(null));
    }

    @Test
    void helpWithoutTopicCoversEveryCommand() {
        assertThat(parser.command("help")).isEqualTo(new Command.Help(null));
    }

    @Test
    void helpWithTopicNamesTheCommand() {
        assertThat(parser.command("help escalate")).isEqualTo(new Command.Help("escalate"));
    }

    @Test
    void helpTopicMayBeAnAlias() {
        assertThat(parser.command("help acknowledge")).isEqualTo(new Command.Help("ack"));
    }

    @Test
    void helpWithUnknownTopicSuggestsTheClosest() {
        Problem problem = parser.problem("help escalte");

        assertThat(problem.field()).isEqualTo("command");
        assertThat(problem.value()).isEqualTo("escalte");
        assertThat(problem.reason()).isEqualTo("Unknown command. Did you mean escalate?");
    }

    @Test
    void showParses() {
        assertThat(parser.command("show INC-42")).isEqualTo(new Command.Show("INC-42"));
    }

    @Test
    void ackParses() {
        assertThat(parser.command("ack INC-42")).isEqualTo(new Command.Acknowledge("INC-42"));
    }

    @Test
    void commandWordIgnoresCase() {
        assertThat(parser.command("ACK inc-42")).isEqualTo(new Command.Acknowledge("INC-42"));
    }

    @ParameterizedTest
    @CsvSource({
        "acknowledge 42, ack",
        "comment 42 sender blocked, note",
        "severity 42 high spreading, sev",
        "de-escalate 42 handled, deescalate",
        "history 42, timeline",
        "audit 42, timeline",
        "new Phishing wave, open",
        "create Phishing wave, open",
        "ls, list"
    })
    void aliasesParseAsTheirCommand(String text, String name) {
        assertThat(parser.command(text).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "assign INC-42 <@U0456EFGH>;U0456EFGH",
                "assign INC-42 <@U0456EFGH|responder.two>;U0456EFGH",
                "assign INC-42 <@!118000000000000001>;118000000000000001",
                "assign INC-42 <@118000000000000001>;118000000000000001",
                "assign INC-42 me;me",
                "assign INC-42 ME;me"
            })
    void assignReadsMentionsAndMe(String text, String userId) {
        assertThat(parser.command(text)).isEqualTo(new Command.Assign("INC-42", userId));
    }

    @Test
    void assignWithoutUserIsRejected() {
        Problem problem = parser.problem("assign INC-42");

        assertThat(problem.field()).isEqualTo("user");
        assertThat(problem.value()).isNull();
    }

    @Test
    void assignToPlainNameIsRejected() {
        Problem problem = parser.problem("assign INC-42 bob");

        assertThat(problem.field()).isEqualTo("user");
        assertThat(problem.value()).isEqualTo("bob");
        assertThat(problem.example()).isEqualTo("/incident assign INC-42 @analyst");
    }

    @Test
    void assignWithExtraTextIsRejected() {
        Problem problem = parser.problem("assign INC-42 me please");

        assertThat(problem.field()).isEqualTo("arguments");
        assertThat(problem.value()).isEqualTo("please");
    }

    @Test
    void escalateWithoutTargetRaisesOneStep() {
        assertThat(parser.command("escalate INC-42 lateral movement to the domain controller"))
                .isEqualTo(new Command.Escalate("INC-42", null, "lateral movement to the domain controller", false));
    }

    @ParameterizedTest
    @CsvSource({"tier2, TIER2", "tier3, TIER3", "ir, TIER3", "mgmt, MANAGEMENT", "IR, TIER3", "t2, TIER2"})
    void escalateReadsTheTarget(String typed, Tier target) {
        Command command = parser.command("escalate INC-42 " + typed + " domain admin used");

        assertThat(command).isEqualTo(new Command.Escalate("INC-42", target, "domain admin used", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tier9", "teir3", "t4", "mgnt", "tier-5"})
    void escalateWithMistypedTierIsRejected(String typed) {
        Problem problem = parser.problem("escalate INC-1 " + typed + " lateral movement");

        assertThat(problem.field()).isEqualTo("tier");
        assertThat(problem.value()).isEqualTo(typed);
    }

    @Test
    void escalateReasonStartingWithManagersIsNotATier() {
        Command command = parser.command("escalate INC-1 managers need to know");

        assertThat(command).isEqualTo(new Command.Escalate("INC-1", null, "managers need to know", false));
    }

    @Test
    void escalateReasonStartingWithADigitIsNotATier() {
        Command command = parser.command("escalate INC-1 3 hosts infected");

        assertThat(command).isEqualTo(new Command.Escalate("INC-1", null, "3 hosts infected", false));
    }

    @Test
    void escalateWithoutReasonIsRejected() {
        Problem problem = parser.problem("escalate INC-42");

        assertThat(problem.field()).isEqualTo("reason");
        assertThat(problem.value()).isNull();
        assertThat(problem.example())
                .isEqualTo("/incident escalate INC-42 tier3 lateral movement to the domain controller");
    }

    @Test
    void escalateWithTargetButNoReasonIsRejected() {
        Problem problem = parser.problem("escalate INC-42 tier3");

        assertThat(problem.field()).isEqualTo("reason");
    }

    @Test
    void deescalateParses() {
        assertThat(parser.command("deescalate INC-42 commodity adware, reimage and close"))
                .isEqualTo(new Command.Deescalate("INC-42", "commodity adware, reimage and close"));
    }

    @Test
    void deescalateWithoutGuidanceIsRejected() {
        Problem problem = parser.problem("deescalate INC-42");

        assertThat(problem.field()).isEqualTo("guidance");
        assertThat(problem.reason()).contains("Missing guidance");
    }

    @Test
    void statusWithNoteParses() {
        assertThat(parser.command("status INC-42 contained host isolated in EDR"))
                .isEqualTo(new Command.ChangeStatus("INC-42", TicketStatus.CONTAINED, "host isolated in EDR"));
    }

    @Test
    void statusWithoutNoteParses() {
        assertThat(parser.command("status INC-42 RESOLVED"))
                .isEqualTo(new Command.ChangeStatus("INC-42", TicketStatus.RESOLVED, null));
    }

    @Test
    void invalidStatusIsRejected() {
        Problem problem = parser.problem("status INC-42 done all good");

        assertThat(problem.field()).isEqualTo("status");
        assertThat(problem.value()).isEqualTo("done");
        assertThat(problem.reason()).contains("investigating", "resolved");
        assertThat(problem.example()).isEqualTo("/incident status INC-42 contained host isolated in EDR");
    }

    @Test
    void missingStatusIsRejected() {
        Problem problem = parser.problem("status INC-42");

        assertThat(problem.field()).isEqualTo("status");
        assertThat(problem.value()).isNull();
    }

    @Test
    void sevParses() {
        assertThat(parser.command("sev INC-42 critical domain admin credentials exposed"))
                .isEqualTo(new Command.ChangeSeverity("INC-42", Severity.CRITICAL, "domain admin credentials exposed"));
    }

    @ParameterizedTest
    @CsvSource({
        "critical, CRITICAL", "HIGH, HIGH", "Medium, MEDIUM", "low, LOW",
        "1, CRITICAL", "2, HIGH", "3, MEDIUM", "4, LOW",
        "P1, CRITICAL", "p2, HIGH", "P3, MEDIUM", "P4, LOW",
        "sev1, CRITICAL", "SEV2, HIGH", "sev3, MEDIUM", "Sev4, LOW",
        "SEV-1, CRITICAL", "SEV-2, HIGH", "sev-3, MEDIUM", "SEV-4, LOW"
    })
    void severityAcceptsNamesAndLevels(String typed, Severity expected) {
        Command command = parser.command("sev INC-42 " + typed + " new evidence");

        assertThat(command).isEqualTo(new Command.ChangeSeverity("INC-42", expected, "new evidence"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"urgent", "0", "5", "P0", "P5", "sev0", "SEV-5", "sev--1", "1.0", "crit"})
    void invalidSeverityIsRejected(String typed) {
        Problem problem = parser.problem("sev INC-42 " + typed + " new evidence");

        assertThat(problem.field()).isEqualTo("severity");
        assertThat(problem.value()).isEqualTo(typed);
        assertThat(problem.reason()).contains(Severity.ACCEPTED_FORMS);
        assertThat(problem.example()).isEqualTo("/incident sev INC-42 critical domain admin credentials exposed");
    }

    @Test
    void sevWithoutReasonIsRejected() {
        Problem problem = parser.problem("sev INC-42 high");

        assertThat(problem.field()).isEqualTo("reason");
    }

    @Test
    void noteKeepsLinesAndSpacing() {
        Command command = parser.command("note INC-42 blocked sender\n  - evil.example.com\n\t- 203.0.113.45");

        assertThat(command)
                .isEqualTo(new Command.AddNote("INC-42", "blocked sender\n  - evil.example.com\n\t- 203.0.113.45"));
    }

    @Test
    void noteWithoutTextIsRejected() {
        Problem problem = parser.problem("note INC-42");

        assertThat(problem.field()).isEqualTo("text");
        assertThat(problem.reason()).isEqualTo("Missing text. The text is required.");
    }

    @Test
    void noteAtTheLimitIsAccepted() {
        String text = "x".repeat(CommandParser.MAX_NOTE_LENGTH);

        assertThat(parser.command("note INC-42 " + text)).isEqualTo(new Command.AddNote("INC-42", text));
    }

    @Test
    void noteOverTheLimitIsRejected() {
        Problem problem = parser.problem("note INC-42 " + "x".repeat(4001));

        assertThat(problem.field()).isEqualTo("text");
        assertThat(problem.reason()).isEqualTo("The text is 4001 characters long; the limit is 4000.");
        assertThat(problem.value()).hasSize(60).endsWith("...");
    }

    @Test
    void linkWithoutRelationIsRelated() {
        assertThat(parser.command("link INC-42 JIRA-123"))
                .isEqualTo(new Command.Link("INC-42", "JIRA-123", LinkRelation.RELATED));
    }

    @ParameterizedTest
    @CsvSource({"caused-by, CAUSED_BY", "duplicate_of, DUPLICATE_OF", "PARENT-OF, PARENT_OF", "causes, CAUSES"})
    void linkReadsTheRelation(String typed, LinkRelation relation) {
        assertThat(parser.command("link INC-42 INC-41 " + typed))
                .isEqualTo(new Command.Link("INC-42", "INC-41", relation));
    }

    @Test
    void invalidRelationIsRejected() {
        Problem problem = parser.problem("link INC-42 JIRA-123 blocks");

        assertThat(problem.field()).isEqualTo("relation");
        assertThat(problem.value()).isEqualTo("blocks");
        assertThat(problem.reason()).contains(LinkRelation.ACCEPTED_FORMS);
    }

    @Test
    void linkWithoutTargetIsRejected() {
        Problem problem = parser.problem("link INC-42");

        assertThat(problem.field()).isEqualTo("target");
        assertThat(problem.value()).isNull();
    }

    @Test
    void linkWithExtraTextIsRejected() {
        Problem problem = parser.problem("link INC-42 JIRA-123 related because");

        assertThat(problem.field()).isEqualTo("arguments");
    }

    @Test
    void reopenParses() {
        assertThat(parser.command("reopen INC-42 same IOC on WS-FIN-09"))
                .isEqualTo(new Command.Reopen("INC-42", "same IOC on WS-FIN-09"));
    }

    @Test
    void reopenWithoutReasonIsRejected() {
        Problem problem = parser.problem("reopen INC-42");

        assertThat(problem.field()).isEqualTo("reason");
    }

    @Test
    void timelineParses() {
        assertThat(parser.command("timeline INC-42")).isEqualTo(new Command.Timeline("INC-42", 1));
    }

    @Test
    void timelineReadsPage() {
        assertThat(parser.command("timeline INC-42 3")).isEqualTo(new Command.Timeline("INC-42", 3));
    }

    @Test
    void timelineWithInvalidPageIsRejected() {
        Problem problem = parser.problem("timeline INC-42 0");

        assertThat(problem.field()).isEqualTo("page");
        assertThat(problem.value()).isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "show",
                "ack",
                "assign",
                "escalate",
                "deescalate",
                "status",
                "sev",
                "note",
                "link",
                "close",
                "reopen",
                "timeline"
            })
    void missingKeyIsRejectedWithAnExample(String name) {
        Problem problem = parser.problem(name);

        assertThat(problem.field()).isEqualTo("key");
        assertThat(problem.value()).isNull();
        assertThat(problem.reason()).isEqualTo("Missing key. Name the ticket, for example INC-42.");
        assertThat(problem.example()).startsWith("/incident " + name + " ");
    }

    @Test
    void invalidKeyIsRejectedWithExample() {
        Problem problem = parser.problem("ack banana");

        assertThat(problem.field()).isEqualTo("key");
        assertThat(problem.value()).isEqualTo("banana");
        assertThat(problem.reason()).contains("INC-42", "42, inc42 and INC0000042");
        assertThat(problem.example()).isEqualTo("/incident ack INC-42");
    }

    @Test
    void unknownCommandSuggestsTheClosest() {
        Problem problem = parser.problem("escalte INC-42 lateral movement");

        assertThat(problem.field()).isEqualTo("command");
        assertThat(problem.value()).isEqualTo("escalte");
        assertThat(problem.reason()).isEqualTo("Unknown command. Did you mean escalate?");
        assertThat(problem.example()).isEqualTo("/incident help escalate");
    }

    @Test
    void unknownCommandFarFromAnyListsThemAll() {
        Problem problem = parser.problem("frobnicate INC-42");

        assertThat(problem.reason()).startsWith("Unknown command. The commands are: open, show, list");
        assertThat(problem.example()).isEqualTo("/incident help");
    }
}
