package org.watchfloor.core.command;

import java.util.Locale;
import java.util.Map;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Resolution;

/**
 * Parses {@code close <key> <resolution> [<original key>] <summary> [root:".."] [lessons:".."] [pir:yes]}. The
 * original's key follows the resolution {@code duplicate}.
 */
final class CloseParser {

    private static final Map<String, String> OPTIONS = Map.of(
            "root", "root",
            "root_cause", "root",
            "rootcause", "root",
            "lessons", "lessons",
            "lessons_learned", "lessons",
            "pir", "pir",
            "original", "original",
            "dup", "original");

    private CloseParser() {}

    static Command.Close parse(CommandParser.Arguments arguments) {
        String key = arguments.key();
        Map<String, String> options = arguments.words().takeOptions(OPTIONS);
        Resolution resolution = arguments.word("resolution", Resolution::parse, Resolution.ACCEPTED_FORMS);

        String original = null;
        if (resolution == Resolution.DUPLICATE) {
            String typed = options.containsKey("original")
                    ? options.get("original")
                    : arguments.words().next();
            if (typed == null) {
                throw new CommandParser.InvalidCommand(Problem.missing(
                        "original",
                        "Missing original. A duplicate names the original ticket after the word duplicate.",
                        "/incident close <key> duplicate <original key> same phishing wave"));
            }
            original = arguments.resolveKey("original", typed);
        }

        String summary = arguments.text("summary");
        String rootCause = CommandParser.blankToNull(options.get("root"));
        String lessons = CommandParser.blankToNull(options.get("lessons"));
        checkOptionalLength("root", rootCause, arguments);
        checkOptionalLength("lessons", lessons, arguments);
        return new Command.Close(key, resolution, summary, original, rootCause, lessons, pir(options, arguments));
    }

    private static boolean pir(Map<String, String> options, CommandParser.Arguments arguments) {
        String value = options.get("pir");
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y" -> true;
            case "no", "false", "n" -> false;
            default ->
                throw new CommandParser.InvalidCommand(
                        new Problem("pir", value, "Allowed values: yes or no.", arguments.example()));
        };
    }

    private static void checkOptionalLength(String field, String value, CommandParser.Arguments arguments) {
        if (value != null) {
            CommandParser.checkLength(field, value, CommandParser.MAX_NOTE_LENGTH, arguments.example());
        }
    }
}
