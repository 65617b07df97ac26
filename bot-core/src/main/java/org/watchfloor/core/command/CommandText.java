package org.watchfloor.core.command;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Problem;

/**
 * The arguments of one command: a cursor over whitespace-separated words, and {@code name:value} options pulled out
 * of the text wherever they stand. Text that is not consumed keeps its original spacing and line breaks.
 */
final class CommandText {

    /** An option name at the start of a word, then a double-quoted, curly-quoted or bare value. */
    private static final Pattern OPTION =
            Pattern.compile("(?<!\\S)([A-Za-z_]+):(?:\"([^\"]*)\"|\u201C([^\u201D]*)\u201D|(\\S*))");

    private String rest;

    CommandText(String text) {
        this.rest = text.strip();
    }

    boolean isEmpty() {
        return rest.isEmpty();
    }

    /** Returns the next word without consuming it, or null at the end. */
    @Nullable
    String peek() {
        if (rest.isEmpty()) {
            return null;
        }
        String[] parts = rest.split("\\s+", 2);
        return parts[0];
    }

    /** Consumes and returns the next word, or null at the end. */
    @Nullable
    String next() {
        String word = peek();
        if (word != null) {
            rest = rest.substring(word.length()).strip();
        }
        return word;
    }

    /** Returns all text not yet consumed, with its spacing kept. */
    String rest() {
        return rest;
    }

    /**
     * Removes every option whose name is a key of {@code aliases} and returns the values by canonical name. An option
     * given twice with different values is rejected, because either value could be the one meant.
     */
    Map<String, String> takeOptions(Map<String, String> aliases) {
        Map<String, String> options = new LinkedHashMap<>();
        Matcher matcher = OPTION.matcher(rest);
        StringBuilder kept = new StringBuilder();
        int copied = 0;
        while (matcher.find()) {
            String canonical = aliases.get(matcher.group(1).toLowerCase(Locale.ROOT));
            if (canonical == null) {
                continue;
            }
            String value = value(matcher);
            String earlier = options.put(canonical, value);
            if (earlier != null && !earlier.equalsIgnoreCase(value)) {
                throw new CommandParser.InvalidCommand(new Problem(
                        canonical,
                        earlier + ", " + value,
                        "The option " + canonical + ": is given twice with different values; give it once.",
                        null));
            }
            kept.append(withoutTrailingBlank(rest.substring(copied, matcher.start())));
            copied = matcher.end();
        }
        kept.append(rest.substring(copied));
        rest = kept.toString().strip();
        return options;
    }

    /**
     * Splits off the text after the first of {@code markers} (such as {@code desc:}) and returns it, or null when no
     * marker is present. The marker must start a word.
     */
    @Nullable
    String takeTail(Set<String> markers) {
        Matcher matcher = Pattern.compile("(?i)(?<!\\S)(" + String.join("|", markers) + "):")
                .matcher(rest);
        if (!matcher.find()) {
            return null;
        }
        String tail = rest.substring(matcher.end()).strip();
        rest = rest.substring(0, matcher.start()).strip();
        return unquote(tail);
    }

    private static String value(Matcher matcher) {
        for (int group = 2; group <= 4; group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }

    private static String unquote(String text) {
        boolean straight = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"");
        boolean curly = text.length() >= 2 && text.startsWith("\u201C") && text.endsWith("\u201D");
        return straight || curly ? text.substring(1, text.length() - 1) : text;
    }

    private static String withoutTrailingBlank(String text) {
        return text.endsWith(" ") || text.endsWith("\t") ? text.substring(0, text.length() - 1) : text;
    }
}
