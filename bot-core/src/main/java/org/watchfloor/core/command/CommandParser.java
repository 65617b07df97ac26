package org.watchfloor.core.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.KeyFormat;
import org.watchfloor.core.ticket.LinkRelation;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;

/**
 * Parses the text after {@code /incident} into a {@link Command}. Every mistake becomes a {@link Problem} that names
 * the field, the value given, what is allowed and a command that would work.
 */
public final class CommandParser {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;
    public static final int MAX_NOTE_LENGTH = 4_000;
    public static final int DEFAULT_LIST_LIMIT = 20;
    public static final int MAX_LIST_LIMIT = 100;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 50;

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("new", "open"),
            Map.entry("create", "open"),
            Map.entry("acknowledge", "ack"),
            Map.entry("severity", "sev"),
            Map.entry("comment", "note"),
            Map.entry("ls", "list"),
            Map.entry("de-escalate", "deescalate"),
            Map.entry("history", "timeline"),
            Map.entry("audit", "timeline"),
            Map.entry("on-call", "oncall"));

    private static final List<String> TIER_WORDS = List.of("tier1", "tier2", "tier3", "mgmt", "management");

    private final KeyFormat keys;

    public CommandParser(KeyFormat keys) {
        this.keys = keys;
    }

    /** Parses command text; an empty text means help. */
    public ParseResult parse(String text, Instant now) {
        CommandText words = new CommandText(text);
        String typed = words.next();
        if (typed == null) {
            return new ParseResult.Parsed(new Command.Help(null));
        }

        String name = ALIASES.getOrDefault(typed.toLowerCase(Locale.ROOT), typed.toLowerCase(Locale.ROOT));
        try {
            return new ParseResult.Parsed(parseCommand(name, typed, words, now));
        } catch (InvalidCommand invalid) {
            return new ParseResult.Invalid(invalid.problem);
        }
    }

    private Command parseCommand(String name, String typed, CommandText words, Instant now) {
        Arguments arguments = new Arguments(name, words, now);
        return switch (name) {
            case "open" -> OpenParser.parse(words, example(name, now));
            case "show" -> new Command.Show(arguments.key());
            case "list" -> ListParser.parse(words, example(name, now));
            case "ack" -> new Command.Acknowledge(arguments.key());
            case "assign" -> new Command.Assign(arguments.key(), arguments.user());
            case "escalate" -> escalate(arguments);
            case "deescalate" -> new Command.Deescalate(arguments.key(), arguments.text("guidance"));
            case "status" -> status(arguments);
            case "sev" -> severity(arguments);
            case "note" -> new Command.AddNote(arguments.key(), arguments.text("text"));
            case "link" -> link(arguments);
            case "close" -> CloseParser.parse(arguments);
            case "reopen" -> new Command.Reopen(arguments.key(), arguments.text("reason"));
            case "timeline" -> timeline(arguments);
            case "oncall" -> OnCallParser.parse(words, example(name, now));
            case "help" -> help(words);
            default -> throw unknownCommand(typed);
        };
    }

    private static Command escalate(Arguments arguments) {
        String key = arguments.key();
        String word = arguments.words().peek();
        Tier target = word == null ? null : Tier.parse(word).orElse(null);
        if (target != null) {
            arguments.words().next();
        } else if (word != null && looksLikeTier(word)) {
            throw new InvalidCommand(new Problem(
                    "tier", word, "Unknown tier. Allowed values: " + Tier.ACCEPTED_FORMS + ".", arguments.example()));
        }
        return new Command.Escalate(key, target, arguments.text("reason"), false);
    }

    /** Returns whether a word is a mistyped tier, such as tier9 or teir3, rather than the start of a reason. */
    static boolean looksLikeTier(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.matches("(tier|teir|tire|tir|t)[-_]?\\d+")) {
            return true;
        }
        return lower.length() >= 4 && TIER_WORDS.stream().anyMatch(tier -> Suggestions.distance(lower, tier) <= 1);
    }

    private static Command timeline(Arguments arguments) {
        String key = arguments.key();
        String typed = arguments.words().next();
        if (typed == null) {
            return new Command.Timeline(key, 1);
        }
        arguments.expectEnd();
        try {
            int page = Integer.parseInt(typed);
            if (page >= 1) {
                return new Command.Timeline(key, page);
            }
        } catch (NumberFormatException invalid) {
            // Reported below with the allowed values.
        }
        throw new InvalidCommand(new Problem(
                "page",
                typed,
                "The page is a whole number from 1, where 1 holds the newest events.",
                "/incident timeline " + key + " 2"));
    }

    private static Command status(Arguments arguments) {
        String key = arguments.key();
        TicketStatus status = arguments.word(
                "status", TicketStatus::parse, "new, triaged, investigating, contained, recovering or resolved");
        String note = arguments.words().isEmpty() ? null : arguments.optionalText("note");
        return new Command.ChangeStatus(key, status, note);
    }

    private static Command severity(Arguments arguments) {
        String key = arguments.key();
        Severity severity = arguments.word("severity", Severity::parse, Severity.ACCEPTED_FORMS);
        return new Command.ChangeSeverity(key, severity, arguments.text("reason"));
    }

    private static Command link(Arguments arguments) {
        String key = arguments.key();
        String target = arguments.words().next();
        if (target == null) {
            throw arguments.missing("target", "Name the ticket, external key (such as JIRA-123) or URL to link.");
        }
        LinkRelation relation = arguments.words().isEmpty()
                ? LinkRelation.RELATED
                : arguments.word("relation", LinkRelation::parse, LinkRelation.ACCEPTED_FORMS);
        arguments.expectEnd();
        return new Command.Link(key, target, relation);
    }

    private static Command help(CommandText words) {
        String topic = words.next();
        if (topic == null) {
            return new Command.Help(null);
        }
        String name = ALIASES.getOrDefault(topic.toLowerCase(Locale.ROOT), topic.toLowerCase(Locale.ROOT));
        if (CommandHelp.entry(name).isEmpty()) {
            throw unknownCommand(topic);
        }
        return new Command.Help(name);
    }

    private String example(String name, Instant now) {
        return CommandHelp.example(name, keys.example(now));
    }

    private static InvalidCommand unknownCommand(String typed) {
        Optional<String> closest = Suggestions.closest(
                typed.toLowerCase(Locale.ROOT),
                CommandHelp.entries().stream().map(CommandHelp.Entry::name).toList());
        String reason = closest.map(name -> "Unknown command. Did you mean " + name + "?")
                .orElse("Unknown command. The commands are: " + String.join(", ", commandNames()) + ".");
        String example = "/incident help"
                + closest.filter(name -> !name.equals("help"))
                        .map(name -> " " + name)
                        .orElse("");
        return new InvalidCommand(new Problem("command", typed, reason, example));
    }

    private static List<String> commandNames() {
        return CommandHelp.entries().stream().map(CommandHelp.Entry::name).toList();
    }

    /** Splits a comma-separated option value and parses each item, or throws naming the first invalid one. */
    static <T extends Enum<T>> Set<T> parseEach(
            String field,
            String value,
            Function<String, Optional<T>> parser,
            Class<T> type,
            String allowed,
            String example) {
        Set<T> parsed = EnumSet.noneOf(type);
        for (String item : value.split(",")) {
            parsed.add(parser.apply(item)
                    .orElseThrow(() ->
                            new InvalidCommand(new Problem(field, item, "Allowed values: " + allowed + ".", example))));
        }
        return parsed;
    }

    static List<String> tags(String value, String example) {
        List<String> tags = new ArrayList<>();
        for (String tag : value.split(",")) {
            String trimmed = tag.strip().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > MAX_TAG_LENGTH || !trimmed.matches("[\\p{L}\\p{N}._#/+-]+")) {
                throw new InvalidCommand(new Problem(
                        "tags",
                        tag,
                        "A tag is up to " + MAX_TAG_LENGTH + " letters, digits or . _ # / + - with no spaces;"
                                + " separate tags with commas.",
                        example));
            }
            if (!tags.contains(trimmed)) {
                tags.add(trimmed);
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidCommand(new Problem(
                    "tags",
                    value,
                    "At most " + MAX_TAGS + " tags are allowed; " + tags.size() + " were given.",
                    example));
        }
        return List.copyOf(tags);
    }

    /** Rejects text longer than {@code max} characters, counted as Unicode code points, so an emoji counts once. */
    static void checkLength(String field, String value, int max, String example) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidCommand(new Problem(
                    field,
                    preview(value),
                    "The " + field + " is " + length + " characters long; the limit is " + max + ".",
                    example));
        }
    }

    /** Shortens long input for an error message, which must not echo pages of text back. */
    static String preview(String value) {
        if (value.codePointCount(0, value.length()) <= 60) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, 57)) + "...";
    }

    static Category category(String value, String example) {
        return Category.parse(value)
                .orElseThrow(() -> new InvalidCommand(
                        new Problem("category", value, "Allowed values: " + Category.acceptedForms() + ".", example)));
    }

    static Severity severity(String value, String example) {
        return Severity.parse(value)
                .orElseThrow(() -> new InvalidCommand(
                        new Problem("severity", value, "Allowed values: " + Severity.ACCEPTED_FORMS + ".", example)));
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String describeAll(Object[] values) {
        return String.join(
                ", ",
                Arrays.stream(values)
                        .map(value -> value.toString().toLowerCase(Locale.ROOT))
                        .toList());
    }

    /** Ends parsing with a problem; caught in {@link #parse} and returned as a value. */
    static final class InvalidCommand extends RuntimeException {

        final Problem problem;

        InvalidCommand(Problem problem) {
            super(problem.reason(), null, false, false);
            this.problem = problem;
        }
    }

    /** The arguments of a command that starts with a ticket key. */
    final class Arguments {

        private final String name;
        private final CommandText words;
        private final Instant now;

        Arguments(String name, CommandText words, Instant now) {
            this.name = name;
            this.words = words;
            this.now = now;
        }

        CommandText words() {
            return words;
        }

        Instant now() {
            return now;
        }

        String example() {
            return CommandParser.this.example(name, now);
        }

        String key() {
            String typed = words.next();
            if (typed == null) {
                throw missing("key", "Name the ticket, for example " + keys.example(now) + ".");
            }
            return resolveKey("key", typed);
        }

        String resolveKey(String field, String typed) {
            return keys.resolve(typed, now)
                    .orElseThrow(() -> new InvalidCommand(new Problem(
                            field,
                            typed,
                            "A ticket key looks like " + keys.example(now) + "; 42, inc42 and INC0000042 also work.",
                            example())));
        }

        String user() {
            String typed = words.next();
            if (typed == null) {
                throw missing("user", "Name the assignee as a mention, or me.");
            }
            expectEnd();
            return UserReference.parse(typed)
                    .orElseThrow(() -> new InvalidCommand(new Problem(
                            "user", typed, "Mention the assignee (type @ and pick the user) or write me.", example())));
        }

        <T> T word(String field, Function<String, Optional<T>> parser, String allowed) {
            String typed = words.next();
            if (typed == null) {
                throw missing(field, "Allowed values: " + allowed + ".");
            }
            return parser.apply(typed)
                    .orElseThrow(() -> new InvalidCommand(
                            new Problem(field, typed, "Allowed values: " + allowed + ".", example())));
        }

        String text(String field) {
            String text = words.rest();
            if (text.isBlank()) {
                throw missing(field, "The " + field + " is required.");
            }
            checkLength(field, text, MAX_NOTE_LENGTH, example());
            return text;
        }

        @Nullable
        String optionalText(String field) {
            String text = blankToNull(words.rest());
            if (text != null) {
                checkLength(field, text, MAX_NOTE_LENGTH, example());
            }
            return text;
        }

        void expectEnd() {
            if (!words.isEmpty()) {
                throw new InvalidCommand(new Problem(
                        "arguments", preview(words.rest()), "Unexpected text after the command.", example()));
            }
        }

        InvalidCommand missing(String field, String reason) {
            return new InvalidCommand(Problem.missing(field, "Missing " + field + ". " + reason, example()));
        }
    }
}
