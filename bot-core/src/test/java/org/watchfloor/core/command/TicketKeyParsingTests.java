package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.core.ticket.Problem;

/** Ticket keys in commands, with both key formats. */
class TicketKeyParsingTests {

    /** 11:30 UTC on New Year's Eve is already 00:30 on 1 January 2027 in Auckland. */
    private static final Instant NEW_YEARS_EVE = Instant.parse("2026-12-31T11:30:00Z");

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @ParameterizedTest
    @ValueSource(strings = {"INC-42", "inc-42", "42", "inc42", "INC0000042"})
    void plainFormatAcceptsEveryForm(String typed) {
        ParserFixture parser = ParserFixture.plainKeys();

        assertThat(parser.command("show " + typed)).isEqualTo(new Command.Show("INC-42"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"INC-2026-0042", "inc-2026-42", "42", "inc42", "INC0000042"})
    void yearlyFormatAcceptsEveryForm(String typed) {
        ParserFixture parser = ParserFixture.yearlyKeys(ZoneOffset.UTC, ParserFixture.NOW);

        assertThat(parser.command("show " + typed)).isEqualTo(new Command.Show("INC-2026-0042"));
    }

    @Test
    void yearlyFormatKeepsAnEarlierYear() {
        ParserFixture parser = ParserFixture.yearlyKeys(ZoneOffset.UTC, ParserFixture.NOW);

        assertThat(parser.command("show INC-2025-0042")).isEqualTo(new Command.Show("INC-2025-0042"));
    }

    @Test
    void bareNumberUsesTheZoneYear() {
        ParserFixture parser = ParserFixture.yearlyKeys(AUCKLAND, NEW_YEARS_EVE);

        assertThat(parser.command("ack 7")).isEqualTo(new Command.Acknowledge("INC-2027-0007"));
    }

    @Test
    void bareNumberInUtcKeepsTheOldYear() {
        ParserFixture parser = ParserFixture.yearlyKeys(ZoneOffset.UTC, NEW_YEARS_EVE);

        assertThat(parser.command("ack 7")).isEqualTo(new Command.Acknowledge("INC-2026-0007"));
    }

    @Test
    void invalidKeyExampleUsesTheConfiguredFormat() {
        ParserFixture parser = ParserFixture.yearlyKeys(AUCKLAND, NEW_YEARS_EVE);

        Problem problem = parser.problem("show INC-42-x");

        assertThat(problem.field()).isEqualTo("key");
        assertThat(problem.value()).isEqualTo("INC-42-x");
        assertThat(problem.reason()).contains("INC-2027-0042");
        assertThat(problem.example()).isEqualTo("/incident show INC-2027-0042");
    }

    @Test
    void plainFormatRejectsAYearlyKey() {
        ParserFixture parser = ParserFixture.plainKeys();

        Problem problem = parser.problem("show INC-2026-0042");

        assertThat(problem.field()).isEqualTo("key");
    }
}
