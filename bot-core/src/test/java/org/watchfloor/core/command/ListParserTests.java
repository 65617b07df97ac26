package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;

class ListParserTests {

    private final ParserFixture parser = ParserFixture.plainKeys();

    @Test
    void listWithoutArgumentsShowsOpenTickets() {
        Command command = parser.command("list");

        assertThat(command)
                .isEqualTo(new Command.ListTickets(
                        Command.ListTickets.Scope.OPEN,
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        CommandParser.DEFAULT_LIST_LIMIT));
    }

    @ParameterizedTest
    @CsvSource({"open, OPEN", "mine, MINE", "my, MINE", "all, ALL", "ALL, ALL"})
    void listReadsTheScope(String typed, Command.ListTickets.Scope scope) {
        assertThat(list("list " + typed).scope()).isEqualTo(scope);
    }

    @Test
    void listReadsEveryFilter() {
        Command.ListTickets list =
                list("list mine sev:critical,P2 tier:tier2,ir status:investigating,contained limit:5");

        assertThat(list.scope()).isEqualTo(Command.ListTickets.Scope.MINE);
        assertThat(list.severities()).containsExactlyInAnyOrder(Severity.CRITICAL, Severity.HIGH);
        assertThat(list.tiers()).containsExactlyInAnyOrder(Tier.TIER2, Tier.TIER3);
        assertThat(list.statuses()).containsExactlyInAnyOrder(TicketStatus.INVESTIGATING, TicketStatus.CONTAINED);
        assertThat(list.limit()).isEqualTo(5);
    }

    @Test
    void filtersMayComeBeforeTheScope() {
        Command.ListTickets list = list("list sev:high all");

        assertThat(list.scope()).isEqualTo(Command.ListTickets.Scope.ALL);
        assertThat(list.severities()).containsExactly(Severity.HIGH);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void limitAtTheBoundsIsAccepted(int limit) {
        assertThat(list("list limit:" + limit).limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "ten", "-1", "", "5.5"})
    void invalidLimitIsRejected(String typed) {
        Problem problem = parser.problem("list limit:" + typed);

        assertThat(problem.field()).isEqualTo("limit");
        assertThat(problem.value()).isEqualTo(typed);
        assertThat(problem.reason()).isEqualTo("The limit is a whole number from 1 to 100.");
        assertThat(problem.example()).isEqualTo("/incident list open sev:critical,high");
    }

    @Test
    void invalidScopeIsRejected() {
        Problem problem = parser.problem("list everything");

        assertThat(problem.field()).isEqualTo("scope");
        assertThat(problem.value()).isEqualTo("everything");
        assertThat(problem.reason()).contains("open, mine or all");
    }

    @Test
    void textAfterTheScopeIsRejected() {
        Problem problem = parser.problem("list open phishing");

        assertThat(problem.field()).isEqualTo("arguments");
        assertThat(problem.value()).isEqualTo("phishing");
    }

    @Test
    void invalidSeverityNamesTheFirstBadItem() {
        Problem problem = parser.problem("list sev:high,urgent");

        assertThat(problem.field()).isEqualTo("severity");
        assertThat(problem.value()).isEqualTo("urgent");
    }

    @Test
    void invalidTierIsRejected() {
        Problem problem = parser.problem("list tier:tier5");

        assertThat(problem.field()).isEqualTo("tier");
        assertThat(problem.value()).isEqualTo("tier5");
        assertThat(problem.reason()).contains(Tier.ACCEPTED_FORMS);
    }

    @Test
    void invalidStatusIsRejected() {
        Problem problem = parser.problem("list status:done");

        assertThat(problem.field()).isEqualTo("status");
        assertThat(problem.value()).isEqualTo("done");
        assertThat(problem.reason()).contains("new, triaged, investigating");
    }

    private Command.ListTickets list(String text) {
        Command command = parser.command(text);

        assertThat(command).isInstanceOf(Command.ListTickets.class);
        return (Command.ListTickets) command;
    }
}
