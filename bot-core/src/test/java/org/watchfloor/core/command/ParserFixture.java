package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.watchfloor.core.ticket.KeyFormat;
import org.watchfloor.core.ticket.Problem;

/** A command parser with a fixed key format and time, and helpers that unwrap its results. */
final class ParserFixture {

    static final Instant NOW = Instant.parse("2026-03-06T14:00:00Z");

    private final CommandParser parser;
    private final Instant now;

    private ParserFixture(CommandParser parser, Instant now) {
        this.parser = parser;
        this.now = now;
    }

    /** Returns a parser for keys such as INC-42, in UTC, at {@link #NOW}. */
    static ParserFixture plainKeys() {
        return new ParserFixture(new CommandParser(KeyFormat.parse("INC-{seq}", ZoneOffset.UTC)), NOW);
    }

    /** Returns a parser for keys such as INC-2026-0042, with years starting in {@code zone}, at {@code now}. */
    static ParserFixture yearlyKeys(ZoneId zone, Instant now) {
        return new ParserFixture(new CommandParser(KeyFormat.parse("INC-{year}-{seq:4}", zone)), now);
    }

    /** Parses {@code text} and returns the command, failing the test when it is invalid. */
    Command command(String text) {
        ParseResult result = parser.parse(text, now);

        assertThat(result).as("parse result of '%s'", text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).command();
    }

    /** Parses {@code text} and returns its problem, failing the test when it parses. */
    Problem problem(String text) {
        ParseResult result = parser.parse(text, now);

        assertThat(result).as("parse result of '%s'", text).isInstanceOf(ParseResult.Invalid.class);
        return ((ParseResult.Invalid) result).problem();
    }
}
