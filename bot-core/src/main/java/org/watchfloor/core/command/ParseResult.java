package org.watchfloor.core.command;

import org.watchfloor.core.ticket.Problem;

/** Result of parsing command text: a command, or the problem that stops it. */
public sealed interface ParseResult {

    record Parsed(Command command) implements ParseResult {}

    record Invalid(Problem problem) implements ParseResult {}
}
