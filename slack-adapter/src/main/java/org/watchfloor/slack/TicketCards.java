package org.watchfloor.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.TextObject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Closure;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketLink;
import org.watchfloor.core.ticket.Tier;

/**
 * Renders a ticket as a Block Kit card with Acknowledge and Escalate buttons. Every piece of user text is escaped,
 * and the action block id {@code inc_actions:<key>} and button values carry the ticket key.
 */
public final class TicketCards {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Slack rejects header text over 150 characters and section text over 3,000. */
    private static final int MAX_HEADER = 150;

    private static final int MAX_SECTION = 2900;

    private TicketCards() {}

    public static SlackMessage card(Ticket ticket) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(
                h -> h.text(plainText(SlackText.truncate(ticket.key() + " \u00b7 " + ticket.title(), MAX_HEADER)))));
        blocks.add(section(s -> s.fields(fields(ticket))));
        if (!ticket.description().isBlank()) {
            blocks.add(section(s ->
                    s.text(markdownText(SlackText.truncate(SlackText.escape(ticket.description()), MAX_SECTION)))));
        }
        String details = details(ticket);
        if (!details.isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(details)))));
        }
        if (!ticket.isClosed()) {
            blocks.add(buttons(ticket));
        }
        return new SlackMessage(fallback(ticket), List.copyOf(blocks));
    }

    /** Returns the plain text of the card, for notifications and local mode. */
    static String fallback(Ticket ticket) {
        StringBuilder text = new StringBuilder();
        text.append(ticket.key()).append(": ").append(SlackText.escape(ticket.title()));
        text.append("\nSeverity: ").append(severity(ticket));
        text.append(" | Status: ").append(ticket.status().label());
        text.append(" | Tier: ").append(ticket.tier().label());
        text.append(" | Owner: ").append(owner(ticket));
        if (!ticket.description().isBlank()) {
            text.append('\n').append(SlackText.truncate(SlackText.escape(ticket.description()), MAX_SECTION));
        }
        return text.toString();
    }

    static String severity(Ticket ticket) {
        String name = ticket.severity().name();
        return ticket.severity().label() + " (" + name.charAt(0)
                + name.substring(1).toLowerCase(Locale.ROOT) + ")";
    }

    static String owner(Ticket ticket) {
        Actor assignee = ticket.assignee();
        return assignee == null ? "unassigned" : SlackText.mention(assignee.userId());
    }

    private static List<TextObject> fields(Ticket ticket) {
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdownText("*Severity:*\n" + severity(ticket)));
        fields.add(markdownText("*Status:*\n" + ticket.status().label()));
        fields.add(markdownText("*Tier:*\n" + ticket.tier().label()));
        fields.add(markdownText("*Owner:*\n" + (ticket.assignee() == null ? "_unassigned_" : owner(ticket))));
        fields.add(markdownText("*Category:*\n"
                + ticket.category().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        fields.add(markdownText("*Opened:*\n" + TIME.format(ticket.createdAt()) + " by "
                + SlackText.mention(ticket.reporter().userId())));
        return fields;
    }

    private static String details(Ticket ticket) {
        List<String> parts = new ArrayList<>();
        if (!ticket.tags().isEmpty()) {
            parts.add("Tags: " + SlackText.escape(String.join(", ", ticket.tags())));
        }
        if (ticket.detectedAt() != null) {
            parts.add("Detected: " + TIME.format(ticket.detectedAt()));
        }
        for (TicketLink link : ticket.links()) {
            parts.add("Link: " + link.relation().label() + " " + SlackText.escape(link.target()));
        }
        Closure closure = ticket.closure();
        if (closure != null) {
            parts.add("Closed as " + closure.resolution().name().toLowerCase(Locale.ROOT) + ": "
                    + SlackText.escape(SlackText.truncate(closure.summary(), 500)));
        }
        return String.join("  \u00b7  ", parts);
    }

    private static LayoutBlock buttons(Ticket ticket) {
        String key = ticket.key();
        String nextTier = ticket.tier().next().map(Tier::label).orElse("the next tier");
        ConfirmationDialogObject confirm = ConfirmationDialogObject.builder()
                .title(plainText("Escalate?"))
                .text(markdownText("Page the " + nextTier + " on-call for " + key + "?"))
                .confirm(plainText("Page"))
                .deny(plainText("Cancel"))
                .build();
        return actions(a -> a.blockId("inc_actions:" + key)
                .elements(List.of(
                        button(b -> b.actionId("incident_ack")
                                .text(plainText("Acknowledge"))
                                .style("primary")
                                .value(key)),
                        button(b -> b.actionId("incident_escalate")
                                .text(plainText("Escalate"))
                                .style("danger")
                                .value(key)
                                .confirm(confirm)))));
    }
}
