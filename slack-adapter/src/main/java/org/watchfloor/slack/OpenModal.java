package org.watchfloor.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.command.CommandParser;
import org.watchfloor.core.command.Outcome;
import org.watchfloor.core.ticket.Actor;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.LinkRelation;
import org.watchfloor.core.ticket.NewTicket;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Ticket;
import org.watchfloor.core.ticket.TicketLink;
import org.watchfloor.core.ticket.TicketService;
import org.watchfloor.core.ticket.TicketSource;

/**
 * Opens a ticket from the submitted open-incident modal ({@code callback_id} {@code incident_open_modal}). Invalid
 * fields get Slack's {@code response_action: errors}, which shows each message under its field and
 * keeps the modal open.
 */
public class OpenModal {

    private static final Logger log = LoggerFactory.getLogger(OpenModal.class);

    static final String CALLBACK_ID = "incident_open_modal";

    /** Detection times this far ahead of the server clock are accepted, for clock skew between devices. */
    private static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);

    private final TicketService tickets;
    private final Announcer announcer;

    public OpenModal(TicketService tickets, Announcer announcer) {
        this.tickets = tickets;
        this.announcer = announcer;
    }

    public Response submit(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        Map<String, Map<String, ViewState.Value>> values =
                payload.getView().getState().getValues();
        Map<String, String> errors = new LinkedHashMap<>();

        String title = text(values, "title_block", "title_input");
        String description = text(values, "desc_block", "desc_input");
        Severity severity = severity(values, errors);
        Instant detectedAt = detectedAt(values, errors);
        check(title, "title_block", CommandParser.MAX_TITLE_LENGTH, "Enter a title of at most 200 characters.", errors);
        String reference = text(values, "ticket_block", "ticket_ref").strip();
        if (!reference.isEmpty() && !TicketLink.isExternalReference(reference)) {
            errors.put("ticket_block", "Enter an external key such as JIRA-123 or CHG0012345, or an http(s) link.");
        }
        if (description.length() > CommandParser.MAX_DESCRIPTION_LENGTH) {
            errors.put(
                    "desc_block",
                    "The description is " + description.length() + " characters long; the limit is "
                            + CommandParser.MAX_DESCRIPTION_LENGTH + ".");
        }
        if (!errors.isEmpty()) {
            return context.ackWithErrors(errors);
        }

        Metadata metadata = Metadata.parse(payload.getView().getPrivateMetadata());
        String user = payload.getUser().getId();
        String channel = metadata.channelId() != null ? metadata.channelId() : user;
        Ticket ticket = tickets.open(
                newTicket(values, title, description, severity, detectedAt, user),
                new Actor(Announcer.PLATFORM, user, payload.getUser().getUsername()));
        log.info(
                "Ticket opened from modal ticket={} team={} channel={} user={}",
                ticket.key(),
                payload.getTeam().getId(),
                channel,
                user);

        Origin origin = new Origin(payload.getTeam().getId(), channel, user, metadata.responseUrl(), null);
        announcer.announce(new Outcome.Opened(ticket), origin);
        return context.ack();
    }

    private static NewTicket newTicket(
            Map<String, Map<String, ViewState.Value>> values,
            String title,
            String description,
            Severity severity,
            @Nullable Instant detectedAt,
            String user) {
        ViewState.Value owner = value(values, "owner_block", "owner_select");
        String ownerId = owner == null ? null : owner.getSelectedUser();
        Actor assignee = ownerId == null ? null : new Actor(Announcer.PLATFORM, ownerId, ownerId);
        ViewState.Value tagValue = value(values, "tags_block", "tags_select");
        List<String> tags = tagValue == null || tagValue.getSelectedOptions() == null
                ? List.of()
                : tagValue.getSelectedOptions().stream()
                        .map(option -> option.getValue())
                        .toList();
        String reference = text(values, "ticket_block", "ticket_ref");
        List<TicketLink> links = reference.isBlank()
                ? List.of()
                : List.of(new TicketLink(reference.strip(), LinkRelation.RELATED, false));
        return new NewTicket(
                title.strip(),
                description,
                severity,
                Category.OTHER,
                tags,
                assignee,
                detectedAt,
                links,
                TicketSource.MANUAL);
    }

    private static Severity severity(Map<String, Map<String, ViewState.Value>> values, Map<String, String> errors) {
        ViewState.Value selected = value(values, "severity_block", "severity_select");
        String chosen = selected == null || selected.getSelectedOption() == null
                ? null
                : selected.getSelectedOption().getValue();
        Optional<Severity> severity = chosen == null ? Optional.empty() : Severity.parse(chosen);
        if (severity.isEmpty()) {
            errors.put("severity_block", "Choose a severity from SEV-1 (critical) to SEV-4 (low).");
            return Severity.MEDIUM;
        }
        return severity.get();
    }

    private @Nullable Instant detectedAt(Map<String, Map<String, ViewState.Value>> values, Map<String, String> errors) {
        ViewState.Value picked = value(values, "detected_block", "detected_at");
        if (picked == null || picked.getSelectedDateTime() == null) {
            return null;
        }
        Instant detected = Instant.ofEpochSecond(picked.getSelectedDateTime());
        if (detected.isAfter(tickets.now().plus(MAX_FUTURE_SKEW))) {
            errors.put("detected_block", "The detection time is in the future; pick when the incident was first seen.");
        }
        return detected;
    }

    private static void check(String text, String block, int max, String message, Map<String, String> errors) {
        if (text.isBlank() || text.strip().length() > max) {
            errors.put(block, message);
        }
    }

    private static String text(Map<String, Map<String, ViewState.Value>> values, String block, String action) {
        ViewState.Value value = value(values, block, action);
        return value == null || value.getValue() == null ? "" : value.getValue();
    }

    private static ViewState.@Nullable Value value(
            Map<String, Map<String, ViewState.Value>> values, String block, String action) {
        Map<String, ViewState.Value> blockValues = values.get(block);
        return blockValues == null ? null : blockValues.get(action);
    }

    /** The modal's private metadata: the channel it was opened from and the slash command's response URL. */
    record Metadata(@Nullable String channelId, @Nullable String responseUrl) {

        static Metadata parse(@Nullable String json) {
            if (json == null || json.isBlank()) {
                return new Metadata(null, null);
            }
            try {
                JsonObject object = JsonParser.parseString(json).getAsJsonObject();
                return new Metadata(string(object, "channel_id"), string(object, "response_url"));
            } catch (RuntimeException invalid) {
                log.warn("Modal private_metadata is not the expected JSON object; posting to the user instead");
                return new Metadata(null, null);
            }
        }

        private static @Nullable String string(JsonObject object, String name) {
            return object.has(name) && object.get(name).isJsonPrimitive()
                    ? object.get(name).getAsString()
                    : null;
        }
    }
}
