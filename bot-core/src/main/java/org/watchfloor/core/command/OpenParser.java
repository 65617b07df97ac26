package org.watchfloor.core.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Severity;

/**
 * Parses {@code open}. The first line is the title, with the options {@code sev:}, {@code cat:} and {@code tags:}
 * anywhere on it. Text after {@code desc:} (alias {@code notes:}) and the lines after the first are the description,
 * kept exactly as typed, so that option-like words in a pasted log never change the ticket. The one exception is a
 * last line made only of options, which sets them as if they stood on the first line. A title that ends in a
 * severity such as {@code SEV-1} or {@code P2} takes it as the severity when no {@code sev:} is given.
 */
final class OpenParser {

    private static final Map<String, String> OPTIONS = Map.of(
            "sev", "sev",
            "severity", "sev",
            "cat", "cat",
            "category", "cat",
            "tags", "tags",
            "tag", "tags");

    private static final Set<String> DESCRIPTION_MARKERS = Set.of("desc", "description", "notes");

    /** A trailing {@code SEV-2}, {@code sev2} or {@code P2}; names and bare digits are too likely to be title words. */
    private static final Pattern TRAILING_SEVERITY = Pattern.compile("(?i)^(.*\\S)\\s+((?:sev-?|p)[1-4])$");

    private OpenParser() {}

    static Command.Open parse(CommandText words, String example) {
        String[] lines = words.rest().split("\\R", 2);
        String extraLines = lines.length > 1 ? lines[1] : "";
        Map<String, String> lastLineOptions = Map.of();
        String lastLine = extraLines.substring(extraLines.lastIndexOf('\n') + 1);
        if (isOptionsOnly(lastLine)) {
            lastLineOptions = new CommandText(lastLine).takeOptions(OPTIONS);
            extraLines = extraLines.substring(0, extraLines.length() - lastLine.length());
        }
        CommandText firstLine = new CommandText(lines[0] + " " + optionsText(lastLineOptions));
        String marked = firstLine.takeTail(DESCRIPTION_MARKERS);
        Map<String, String> options = firstLine.takeOptions(OPTIONS);
        String title = firstLine.rest().strip();
        String description = join(marked == null ? "" : marked, extraLines);

        String typedSeverity = options.get("sev");
        Matcher trailing = TRAILING_SEVERITY.matcher(title);
        if (typedSeverity == null && trailing.matches()) {
            title = trailing.group(1);
            typedSeverity = trailing.group(2);
        }
        if (title.isEmpty()) {
            throw new CommandParser.InvalidCommand(
                    Problem.missing("title", "Missing title. The first line after open is the title.", example));
        }
        CommandParser.checkLength("title", title, CommandParser.MAX_TITLE_LENGTH, example);
        CommandParser.checkLength("description", description, CommandParser.MAX_DESCRIPTION_LENGTH, example);

        Severity severity = typedSeverity != null ? CommandParser.severity(typedSeverity, example) : Severity.MEDIUM;
        Category category =
                options.containsKey("cat") ? CommandParser.category(options.get("cat"), example) : Category.OTHER;
        List<String> tags = options.containsKey("tags") ? CommandParser.tags(options.get("tags"), example) : List.of();
        return new Command.Open(title, description, severity, category, tags);
    }

    /** Returns whether a line has at least one option and nothing else. */
    private static boolean isOptionsOnly(String line) {
        if (line.isBlank()) {
            return false;
        }
        CommandText text = new CommandText(line);
        return !text.takeOptions(OPTIONS).isEmpty() && text.isEmpty();
    }

    /** Writes options back as text, quoted, so that they join the first line's options and are checked with them. */
    private static String optionsText(Map<String, String> options) {
        StringBuilder text = new StringBuilder();
        options.forEach((name, value) ->
                text.append(' ').append(name).append(":\"").append(value).append('"'));
        return text.toString();
    }

    /**
     * Joins the description given after {@code desc:} on the first line and the lines after it, dropping blank edges
     * but no inner spacing. A {@code desc:} at the start of the second line is dropped, as the marker it is.
     */
    private static String join(String marked, String extraLines) {
        String first = marked.strip();
        String second = extraLines.stripTrailing().replaceFirst("^(\\s*\\R)+", "");
        second = second.replaceFirst("(?i)^\\s*(desc|description|notes):[ \\t]*", "");
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "\n" + second;
    }
}
