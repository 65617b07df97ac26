package org.watchfloor.slack;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.watchfloor.core.access.RoleHolder;
import org.watchfloor.core.command.CommandHelp;
import org.watchfloor.core.command.Outcome;
import org.watchfloor.core.command.View;
import org.watchfloor.core.sla.Paging;
import org.watchfloor.core.sla.SlaRules;
import org.watchfloor.core.ticket.EventType;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketSummary;
import org.watchfloor.core.ticket.TimelineEvent;

/** Renders command outcomes as the message shown to the caller alone. */
public final class SlackReplies {

    /** The timeline view shows the newest events; Slack cuts very long messages. */
    static final int MAX_TIMELINE_EVENTS = 50;

    private SlackReplies() {}

    public static SlackMessage render(Outcome outcome) {
        if (outcome instanceof Outcome.Shown shown) {
            return view(shown.view());
        } else if (outcome instanceof Outcome.Rejected rejected) {
            return problem(rejected.problem());
        } else if (outcome instanceof Outcome.Refused refused) {
            return SlackMessage.text(refusal(refused));
        } else if (outcome instanceof Outcome.NotFound notFound) {
            return SlackMessage.text(
                    ":mag: No ticket " + SlackText.escape(notFound.key()) + " was found. Try `/incident list all`.");
        } else if (outcome instanceof Outcome.Unchanged unchanged) {
            return SlackMessage.text(
                    SlackText.escape(unchanged.message()) + " Nothing changed. " + state(unchanged.ticket()));
        } else if (outcome instanceof Outcome.Opened opened) {
            Ticket ticket = opened.ticket();
            return SlackMessage.text("Opened *" + ticket.key() + "*: " + SlackText.escape(ticket.title()) + " ("
                    + TicketCards.severity(ticket) + "). Its card follows in this channel.");
        } else if (outcome instanceof Outcome.OnCallOverridden overridden) {
            return SlackMessage.text(OnCallReplies.overridden(overridden));
        }
        Outcome.Changed changed = (Outcome.Changed) outcome;
        return SlackMessage.text(confirmation(changed));
    }

    public static SlackMessage problem(Problem problem) {
        StringBuilder text = new StringBuilder(":warning: ").append(problem.reason());
        text.append("\n\u2022 Field: `").append(problem.field()).append('`');
        if (problem.value() != null) {
            text.append(", value: `").append(SlackText.escape(problem.value())).append('`');
        }
        if (problem.example() != null) {
            text.append("\n\u2022 Try: `")
                    .append(SlackText.escape(problem.example()))
                    .append('`');
        }
        return SlackMessage.text(text.toString());
    }

    /** Returns a line with the ticket's current status, tier and owner. */
    static String state(Ticket ticket) {
        return "*" + ticket.key() + "* is " + ticket.status().label() + ", "
                + ticket.tier().label() + ", owner " + TicketCards.owner(ticket) + ".";
    }

    private static String confirmation(Outcome.Changed changed) {
        String lines = changed.events().stream()
                .map(event -> "*" + changed.ticket().key() + "* " + EventLines.describe(event))
                .collect(Collectors.joining("\n"));
        String paged = changed.page()
                .map(page -> "\nPaged the " + page.tier().label() + " on-call.")
                .orElse("");
        return lines + paged + pagingGoesOn(changed);
    }

    /** Explains an acknowledgement that did not stop the pages, because its author's role is below the paged tier. */
    private static String pagingGoesOn(Outcome.Changed changed) {
        Paging chain = changed.ticket().slaState().paging();
        boolean acknowledged = changed.events().stream().anyMatch(event -> event.type() == EventType.ACKNOWLEDGED);
        if (chain == null || !acknowledged) {
            return "";
        }
        return "\nPaging of the " + chain.tier().label() + " on-call goes on, because only someone with the "
                + SlaRules.roleToStopPages(chain.tier()) + " role or higher stops it.";
    }

    private static SlackMessage view(View view) {
        if (view instanceof View.Card card) {
            return TicketCards.card(card.ticket());
        } else if (view instanceof View.TicketList list) {
            return SlackMessage.text(list(list));
        } else if (view instanceof View.Timeline timeline) {
            return SlackMessage.text(timeline(timeline));
        } else if (view instanceof View.OnCall onCall) {
            return SlackMessage.text(OnCallReplies.onCall(onCall));
        }
        return SlackMessage.text(help((View.Help) view));
    }

    private static String list(View.TicketList list) {
        if (list.tickets().isEmpty()) {
            return "*" + list.description() + "*: none.";
        }
        String count = list.total() > list.tickets().size()
                ? "newest " + list.tickets().size() + " of " + list.total()
                : Long.toString(list.total());
        StringBuilder text = new StringBuilder("*" + list.description() + "* (" + count + ")");
        for (TicketSummary ticket : list.tickets()) {
            text.append("\n\u2022 `")
                    .append(ticket.key())
                    .append("` ")
                    .append(ticket.severity().label());
            text.append(" \u00b7 ")
                    .append(ticket.status().label())
                    .append(" \u00b7 ")
                    .append(ticket.tier().label());
            text.append(" \u00b7 ")
                    .append(
                            ticket.assignee() == null
                                    ? "unassigned"
                                    : SlackText.mention(ticket.assignee().userId()));
            text.append(" \u00b7 ").append(SlackText.escape(SlackText.truncate(ticket.title(), 80)));
        }
        if (list.total() > list.tickets().size()) {
            text.append("\nAdd filters, or limit: up to 100, to see more.");
        }
        return text.toString();
    }

    private static String timeline(View.Timeline view) {
        Ticket ticket = view.ticket();
        List<TimelineEvent> events = ticket.timeline();
        int pages = (events.size() + MAX_TIMELINE_EVENTS - 1) / MAX_TIMELINE_EVENTS;
        int end = events.size() - (view.page() - 1) * MAX_TIMELINE_EVENTS;
        if (end <= 0) {
            return "The timeline of *" + ticket.key() + "* has " + plural(events.size(), "event") + " on "
                    + plural(pages, "page") + ". Try `/incident timeline " + ticket.key() + " " + pages + "`.";
        }
        int start = Math.max(0, end - MAX_TIMELINE_EVENTS);

        StringBuilder text = new StringBuilder("*Timeline of " + ticket.key() + "* (" + plural(events.size(), "event"));
        text.append(pages > 1 ? ", page " + view.page() + " of " + pages + ")" : ")");
        for (TimelineEvent event : events.subList(start, end)) {
            text.append("\n").append(event.sequence()).append(". ").append(TicketCards.TIME.format(event.at()));
            text.append(" \u2014 ").append(EventLines.describe(event));
        }
        if (start > 0) {
            text.append("\n_")
                    .append(plural(start, "older event"))
                    .append(": `/incident timeline ")
                    .append(ticket.key())
                    .append(' ')
                    .append(view.page() + 1)
                    .append("`_");
        }
        text.append("\n").append(chainState(view.brokenAt(), events));
        return text.toString();
    }

    private static String chainState(Optional<Integer> brokenAt, List<TimelineEvent> events) {
        return brokenAt.map(sequence -> ":rotating_light: The hash chain is broken at event " + sequence
                        + ": the stored history was changed outside Watchfloor.")
                .orElse(":white_check_mark: Hash chain intact (last hash `"
                        + events.get(events.size() - 1).hash().substring(0, 12) + "`).");
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String help(View.Help help) {
        List<CommandHelp.Entry> entries = help.topic() == null
                ? CommandHelp.entries()
                : CommandHelp.entry(help.topic()).stream().toList();
        StringBuilder text = new StringBuilder(help.topic() == null ? "*Watchfloor incident commands*" : "");
        for (CommandHelp.Entry entry : entries) {
            text.append(text.isEmpty() ? "" : "\n");
            text.append("\u2022 `/incident ")
                    .append(SlackText.escape(entry.usage()))
                    .append("`\n    ");
            text.append(entry.summary()).append(" Example: `/incident ");
            text.append(SlackText.escape(entry.example().replace("KEY", help.exampleKey())))
                    .append('`');
        }
        return text.toString();
    }

    private static String refusal(Outcome.Refused refused) {
        String holders = refused.holders().stream().map(SlackReplies::holder).collect(Collectors.joining(", "));
        String ask = holders.isEmpty()
                ? "No user or group holds that role yet; an admin sets roles under watchfloor.access."
                : "Ask " + holders + ".";
        return ":no_entry: You need the role " + refused.required() + " or higher to " + refused.action()
                + "; your role is " + refused.held() + ". " + ask;
    }

    private static String holder(RoleHolder holder) {
        return SlackText.mention(holder.id()) + " (" + holder.role().name().toLowerCase(Locale.ROOT) + ")";
    }
}
