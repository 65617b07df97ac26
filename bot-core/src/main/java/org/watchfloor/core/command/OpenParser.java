package org.watchfloor.core.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Severity;

/**
 * Parses {@code open}: the first line is the title, and further lines or the text after {@code desc:} (alias
 * {@code notes:}) are the description. The options {@code sev:}, {@code cat:} and {@code tags:} may stand anywhere.
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

    private OpenParser() {}

    static Command.Open parse(CommandText words, String example) {
        Map<String, String> options = words.takeOptions(OPTIONS);
        String marked = words.takeTail(DESCRIPTION_MARKERS);
        String[] lines = words.rest().split("\\R", 2);
        String title = lines[0].strip();
        String description = join(lines.length > 1 ? lines[1] : "", marked == null ? "" : marked);

        if (title.isEmpty()) {
            throw new CommandParser.InvalidCommand(
                    Problem.missing("title", "Missing title. The first line after open is the title.", example));
        }
        CommandParser.checkLength("title", title, CommandParser.MAX_TITLE_LENGTH, example);
        CommandParser.checkLength("description", description, CommandParser.MAX_DESCRIPTION_LENGTH, example);

        Severity severity =
                options.containsKey("sev") ? CommandParser.severity(options.get("sev"), example) : Severity.MEDIUM;
        Category category =
                options.containsKey("cat") ? CommandParser.category(options.get("cat"), example) : Category.OTHER;
        List<String> tags = options.containsKey("tags") ? CommandParser.tags(options.get("tags"), example) : List.of();
        return new Command.Open(title, description, severity, category, tags);
    }

    /** Joins the lines after the title and the marked description, dropping blank edges but no inner spacing. */
    private static String join(String extraLines, String marked) {
        String first = extraLines.stripTrailing().replaceFirst("^(\\s*\\R)+", "");
        String second = marked.strip();
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "\n" + second;
    }
}
