package org.watchfloor.core.command;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;

/** Parses {@code list [open|mine|all] [sev:..] [tier:..] [status:..] [limit:..]}. */
final class ListParser {

    private static final Map<String, String> OPTIONS = Map.of(
            "sev", "sev",
            "severity", "sev",
            "tier", "tier",
            "status", "status",
            "limit", "limit");

    private ListParser() {}

    static Command.ListTickets parse(CommandText words, String example) {
        Map<String, String> options = words.takeOptions(OPTIONS);
        Command.ListTickets.Scope scope = scope(words, example);

        Set<Severity> severities = options.containsKey("sev")
                ? CommandParser.parseEach(
                        "severity",
                        options.get("sev"),
                        Severity::parse,
                        Severity.class,
                        Severity.ACCEPTED_FORMS,
                        example)
                : EnumSet.noneOf(Severity.class);
        Set<Tier> tiers = options.containsKey("tier")
                ? CommandParser.parseEach(
                        "tier", options.get("tier"), Tier::parse, Tier.class, Tier.ACCEPTED_FORMS, example)
                : EnumSet.noneOf(Tier.class);
        Set<TicketStatus> statuses = options.containsKey("status")
                ? CommandParser.parseEach(
                        "status",
                        options.get("status"),
                        TicketStatus::parse,
                        TicketStatus.class,
                        CommandParser.describeAll(TicketStatus.values()),
                        example)
                : EnumSet.noneOf(TicketStatus.class);
        int limit =
                options.containsKey("limit") ? limit(options.get("limit"), example) : CommandParser.DEFAULT_LIST_LIMIT;
        return new Command.ListTickets(scope, severities, tiers, statuses, limit);
    }

    private static Command.ListTickets.Scope scope(CommandText words, String example) {
        String typed = words.next();
        if (typed == null) {
            return Command.ListTickets.Scope.OPEN;
        }
        Command.ListTickets.Scope scope = switch (typed.toLowerCase(Locale.ROOT)) {
            case "open" -> Command.ListTickets.Scope.OPEN;
            case "mine", "my" -> Command.ListTickets.Scope.MINE;
            case "all" -> Command.ListTickets.Scope.ALL;
            default ->
                throw new CommandParser.InvalidCommand(new Problem(
                        "scope",
                        typed,
                        "Allowed values: open, mine or all, before any sev:, tier:, status: or limit:.",
                        example));
        };
        if (!words.isEmpty()) {
            throw new CommandParser.InvalidCommand(new Problem(
                    "arguments",
                    CommandParser.preview(words.rest()),
                    "Unexpected text after the list scope.",
                    example));
        }
        return scope;
    }

    private static int limit(String value, String example) {
        String reason = "The limit is a whole number from 1 to " + CommandParser.MAX_LIST_LIMIT + ".";
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > CommandParser.MAX_LIST_LIMIT) {
                throw new CommandParser.InvalidCommand(new Problem("limit", value, reason, example));
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new CommandParser.InvalidCommand(new Problem("limit", value, reason, example));
        }
    }
}
