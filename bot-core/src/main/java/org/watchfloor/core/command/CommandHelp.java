package org.watchfloor.core.command;

import java.util.List;
import java.util.Optional;

/** Usage, purpose and a working example for every command, shown by {@code help} and in rejections. */
public final class CommandHelp {

    /**
     * Help for one command. {@code KEY} in the usage and example stands for a ticket key and is replaced with an
     * example in the configured key format.
     */
    public record Entry(String name, String usage, String summary, String example) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry(
                    "open",
                    "open <title> [sev:critical|high|medium|low] [cat:<category>] [tags:a,b] [desc:<details>]",
                    "Open a ticket. Lines after the first, or the text after desc: (or notes:), are the description."
                            + " Severity defaults to medium.",
                    "open Suspicious OAuth consent grant sev:high cat:phishing"),
            new Entry("show", "show <key>", "Show the ticket card.", "show KEY"),
            new Entry(
                    "list",
                    "list [open|mine|all] [sev:<severity>] [tier:<tier>] [status:<status>] [limit:<1-100>]",
                    "List tickets, newest first; 20 by default.",
                    "list open sev:critical,high"),
            new Entry("ack", "ack <key>", "Take ownership of a ticket and stop its acknowledge timer.", "ack KEY"),
            new Entry("assign", "assign <key> <@user|me>", "Change the assignee.", "assign KEY @analyst"),
            new Entry(
                    "escalate",
                    "escalate <key> [tier2|tier3|ir|mgmt] <reason>",
                    "Raise the tier (one step by default) and page that tier's on-call.",
                    "escalate KEY tier3 lateral movement to the domain controller"),
            new Entry(
                    "deescalate",
                    "deescalate <key> <guidance>",
                    "Hand the ticket one tier down with guidance. Needs TIER2.",
                    "deescalate KEY commodity adware, reimage and close"),
            new Entry(
                    "status",
                    "status <key> <new|triaged|investigating|contained|recovering|resolved> [note]",
                    "Move the ticket along the workflow. Moving back needs a note.",
                    "status KEY contained host isolated in EDR"),
            new Entry(
                    "sev",
                    "sev <key> <severity> <reason>",
                    "Change the severity. Lowering it needs TIER2.",
                    "sev KEY critical domain admin credentials exposed"),
            new Entry("note", "note <key> <text>", "Add a note to the timeline.", "note KEY blocked sender domain"),
            new Entry(
                    "link",
                    "link <key> <other key, external key or URL> [related|duplicate-of|caused-by|causes|parent-of|child-of]",
                    "Link the ticket to another ticket or an external record.",
                    "link KEY JIRA-123 related"),
            new Entry(
                    "close",
                    "close <key> <true_positive|benign_positive|false_positive|duplicate <original>> <summary>"
                            + " [root:\"...\"] [lessons:\"...\"] [pir:yes]",
                    "Close the ticket. A true positive closes only from resolved; for high and critical it needs"
                            + " root: and lessons:. Closing high or critical tickets needs TIER2.",
                    "close KEY false_positive approved vendor app"),
            new Entry("reopen", "reopen <key> <reason>", "Reopen a resolved or closed ticket.", "reopen KEY same IOC"),
            new Entry(
                    "timeline",
                    "timeline <key> [page]",
                    "Show the audit trail, 50 events a page from the newest, and whether its hash chain is intact.",
                    "timeline KEY"),
            new Entry(
                    "oncall",
                    "oncall [tier1|tier2|tier3|mgmt] | oncall override <tier> <@user> <duration>",
                    "Show who is on call, for every tier or one. override puts someone on call for a tier from now"
                            + " for 30m, 2h, 1d, 1h30m and so on, at most 7 days; it needs TIER2.",
                    "oncall tier2"),
            new Entry("help", "help [command]", "Show this help, or the help of one command.", "help escalate"));

    private CommandHelp() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Optional<Entry> entry(String name) {
        return ENTRIES.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /** Returns the example of a command as a full slash command, with {@code exampleKey} filled in. */
    static String example(String name, String exampleKey) {
        return "/incident " + entry(name).orElseThrow().example().replace("KEY", exampleKey);
    }
}
