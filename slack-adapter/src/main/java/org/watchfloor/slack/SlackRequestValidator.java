package org.watchfloor.slack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.slack.api.app_backend.events.payload.AppMentionPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Checks the body of a signed Slack request for the fields that Slack always sends and that Bolt or the handlers
 * read. A malformed body then gets HTTP 400 naming the field, instead of HTTP 500 from inside Bolt or a handler.
 * Bolt 1.47.0 also logs the whole body of a request it cannot classify, and no body that fails here reaches it.
 *
 * <p>Bodies are classified as Bolt classifies them: JSON is an Events API request, a form with {@code payload} is
 * an interaction (a button click or a modal submission), a form with {@code ssl_check} is Slack's certificate
 * check, and any other form is a slash command.
 */
final class SlackRequestValidator {

    private static final String TRIGGER_EXAMPLE = "trigger_id=7890123456789.1234567890123.0a1b2c3d";
    private static final String FORM_EXAMPLE = "team_id=T0123ABCD&channel_id=C0123ABCD&user_id=U0123ABCD"
            + "&command=/incident&text=help&" + TRIGGER_EXAMPLE;

    /** Form fields that Slack sends with every slash command, in Slack's order. */
    private static final List<FormField> SLASH_COMMAND_FIELDS = List.of(
            new FormField("team_id", "team_id=T0123ABCD"),
            new FormField("channel_id", "channel_id=C0123ABCD"),
            new FormField("user_id", "user_id=U0123ABCD"),
            new FormField("command", "command=/incident"),
            new FormField("text", "text=help"),
            new FormField("trigger_id", TRIGGER_EXAMPLE));

    private static final String PAYLOAD_EXAMPLE = "payload={\"type\":\"block_actions\",\"team\":{\"id\":\"T0123ABCD\"},"
            + "\"user\":{\"id\":\"U0123ABCD\"},\"channel\":{\"id\":\"C0123ABCD\"},"
            + "\"actions\":[{\"action_id\":\"incident_ack\",\"value\":\"INC-42\"}]}";
    private static final String INTERACTION_TYPE_EXAMPLE = "\"type\":\"block_actions\" or \"type\":\"view_submission\"";
    private static final String USER_EXAMPLE = "\"user\":{\"id\":\"U0123ABCD\"}";
    private static final String TEAM_EXAMPLE = "\"team\":{\"id\":\"T0123ABCD\"}";
    private static final String CHANNEL_EXAMPLE = "\"channel\":{\"id\":\"C0123ABCD\"}";
    private static final String CONTAINER_EXAMPLE = "\"container\":{\"type\":\"message\",\"channel_id\":\"C0123ABCD\"}";
    private static final String ACTIONS_EXAMPLE = "\"actions\":[{\"action_id\":\"incident_ack\",\"value\":\"INC-42\"}]";
    private static final String ACTION_ID_EXAMPLE = "\"action_id\":\"incident_ack\"";
    private static final String VIEW_EXAMPLE =
            "\"view\":{\"callback_id\":\"incident_open_modal\",\"state\":{\"values\":{}}}";
    private static final String CALLBACK_ID_EXAMPLE = "\"callback_id\":\"incident_open_modal\"";
    private static final String STATE_EXAMPLE = "\"state\":{\"values\":{\"title_block\":{\"title_input\":"
            + "{\"type\":\"plain_text_input\",\"value\":\"Phishing wave\"}}}}";

    private static final String EVENT_EXAMPLE = "{\"type\":\"event_callback\",\"team_id\":\"T0123ABCD\","
            + "\"event_id\":\"Ev0123ABCD\",\"event\":{\"type\":\"app_mention\",\"channel\":\"C0123ABCD\","
            + "\"user\":\"U0123ABCD\",\"text\":\"<@U0BOT1234> help\",\"ts\":\"1772806500.000300\"}}";
    private static final String EVENTS_TYPE_EXAMPLE = "\"type\":\"event_callback\" or \"type\":\"url_verification\"";
    private static final String EVENT_OBJECT_EXAMPLE =
            "\"event\":{\"type\":\"app_mention\",\"channel\":\"C0123ABCD\",\"user\":\"U0123ABCD\",...}";

    private SlackRequestValidator() {}

    /** Returns the first problem of the body, or empty when Bolt and the handlers can read it. */
    static Optional<InvalidRequest> validate(@Nullable String contentType, String body) {
        if (body.isBlank()) {
            return Optional.of(new InvalidRequest("body", "is empty", FORM_EXAMPLE));
        }
        if (isJson(contentType, body)) {
            return validateEventsApi(body);
        }
        Optional<Map<String, String>> form = parseForm(body);
        if (form.isEmpty()) {
            return Optional.of(new InvalidRequest("body", "is not a valid URL-encoded form", FORM_EXAMPLE));
        }

        Map<String, String> fields = form.get();
        if (fields.containsKey("payload")) {
            return validateInteraction(fields.get("payload"));
        }
        if (fields.containsKey("ssl_check") && !fields.containsKey("command")) {
            return Optional.empty();
        }
        return validateSlashCommand(fields);
    }

    private static boolean isJson(@Nullable String contentType, String body) {
        char first = body.strip().charAt(0);
        return first == '{'
                || first == '['
                || (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json"));
    }

    /**
     * Decodes a URL-encoded form. Returns empty when an escape is invalid or a pair has a second raw {@code =},
     * because Bolt skips such a pair and would lose that field.
     */
    private static Optional<Map<String, String>> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals != pair.lastIndexOf('=')) {
                return Optional.empty();
            }
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                form.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8).strip(),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException invalidEscape) {
                return Optional.empty();
            }
        }
        return Optional.of(form);
    }

    private static Optional<InvalidRequest> validateSlashCommand(Map<String, String> form) {
        for (FormField field : SLASH_COMMAND_FIELDS) {
            String value = form.get(field.name());
            if (value == null) {
                return Optional.of(InvalidRequest.missing(field.name(), field.example()));
            }
            // Slack sends an empty text when the user typed only the command, and the handler shows the help.
            if (value.isBlank() && !field.name().equals("text")) {
                return Optional.of(
                        InvalidRequest.invalidValue(field.name(), new JsonPrimitive(value), field.example()));
            }
        }
        String command = form.get("command");
        if (!command.startsWith("/")) {
            return Optional.of(InvalidRequest.invalidValue("command", new JsonPrimitive(command), "command=/incident"));
        }
        return Optional.empty();
    }

    private static Optional<InvalidRequest> validateInteraction(String text) {
        JsonElement json = JsonFields.parse(text);
        Optional<InvalidRequest> notAnObject = JsonFields.requireJsonObject(json, "payload", PAYLOAD_EXAMPLE);
        if (notAnObject.isPresent()) {
            return notAnObject;
        }
        JsonObject payload = json.getAsJsonObject();
        Optional<InvalidRequest> type = JsonFields.requireString(payload, "type", INTERACTION_TYPE_EXAMPLE);
        if (type.isPresent()) {
            return type;
        }

        // Only the interactions that Watchfloor registers handlers for are let through.
        return switch (payload.get("type").getAsString()) {
            case "block_actions" -> validateBlockActions(payload);
            case "view_submission" -> validateViewSubmission(payload);
            default -> Optional.of(InvalidRequest.invalidValue("type", payload.get("type"), INTERACTION_TYPE_EXAMPLE));
        };
    }

    private static Optional<InvalidRequest> validateBlockActions(JsonObject payload) {
        return JsonFields.requireString(payload, "user.id", USER_EXAMPLE)
                .or(() -> JsonFields.requireString(payload, "team.id", TEAM_EXAMPLE))
                .or(() -> requireChannel(payload))
                .or(() -> requireActions(payload))
                .or(() -> JsonFields.requireModel(payload, BlockActionPayload.class, "payload", PAYLOAD_EXAMPLE));
    }

    /** Requires the channel id, which a click on a message has under {@code channel} and {@code container}. */
    private static Optional<InvalidRequest> requireChannel(JsonObject payload) {
        if (!JsonFields.isPresent(payload, "channel") && JsonFields.isPresent(payload, "container")) {
            return JsonFields.requireString(payload, "container.channel_id", CONTAINER_EXAMPLE);
        }
        return JsonFields.requireString(payload, "channel.id", CHANNEL_EXAMPLE);
    }

    private static Optional<InvalidRequest> requireActions(JsonObject payload) {
        JsonElement actions = payload.get("actions");
        if (actions == null || actions.isJsonNull()) {
            return Optional.of(InvalidRequest.missing("actions", ACTIONS_EXAMPLE));
        }
        if (!actions.isJsonArray() || actions.getAsJsonArray().isEmpty()) {
            return Optional.of(InvalidRequest.invalidValue("actions", actions, ACTIONS_EXAMPLE));
        }
        JsonArray list = actions.getAsJsonArray();
        for (int i = 0; i < list.size(); i++) {
            String path = "actions[" + i + "]";
            if (!list.get(i).isJsonObject()) {
                return Optional.of(InvalidRequest.invalidValue(path, list.get(i), ACTIONS_EXAMPLE));
            }
            Optional<InvalidRequest> actionId =
                    JsonFields.requireString(list.get(i).getAsJsonObject(), "action_id", ACTION_ID_EXAMPLE);
            if (actionId.isPresent()) {
                return actionId.map(problem -> problem.within(path));
            }
        }
        return Optional.empty();
    }

    private static Optional<InvalidRequest> validateViewSubmission(JsonObject payload) {
        return JsonFields.requireString(payload, "user.id", USER_EXAMPLE)
                .or(() -> JsonFields.requireString(payload, "team.id", TEAM_EXAMPLE))
                .or(() -> JsonFields.requireObject(payload, "view", VIEW_EXAMPLE))
                .or(() -> JsonFields.requireString(payload, "view.callback_id", CALLBACK_ID_EXAMPLE))
                .or(() -> JsonFields.requireObject(payload, "view.state.values", STATE_EXAMPLE))
                .or(() -> JsonFields.requireModel(payload, ViewSubmissionPayload.class, "payload", VIEW_EXAMPLE));
    }

    private static Optional<InvalidRequest> validateEventsApi(String text) {
        JsonElement json = JsonFields.parse(text);
        Optional<InvalidRequest> notAnObject = JsonFields.requireJsonObject(json, "body", EVENT_EXAMPLE);
        if (notAnObject.isPresent()) {
            return notAnObject;
        }
        JsonObject body = json.getAsJsonObject();
        Optional<InvalidRequest> type = JsonFields.requireString(body, "type", EVENTS_TYPE_EXAMPLE);
        if (type.isPresent()) {
            return type;
        }

        return switch (body.get("type").getAsString()) {
            case "url_verification" -> JsonFields.requireString(body, "challenge", "\"challenge\":\"a1b2c3d4e5\"");
            case "event_callback" -> validateEventCallback(body);
            default -> Optional.of(InvalidRequest.invalidValue("type", body.get("type"), EVENTS_TYPE_EXAMPLE));
        };
    }

    /**
     * Checks the envelope of every event, and the fields of {@code app_mention}, the only event with a handler.
     * Bolt responds to other events with HTTP 404.
     */
    private static Optional<InvalidRequest> validateEventCallback(JsonObject body) {
        Optional<InvalidRequest> envelope = JsonFields.requireString(body, "team_id", "\"team_id\":\"T0123ABCD\"")
                .or(() -> JsonFields.requireString(body, "event_id", "\"event_id\":\"Ev0123ABCD\""))
                .or(() -> JsonFields.requireObject(body, "event", EVENT_OBJECT_EXAMPLE))
                .or(() -> JsonFields.requireString(body, "event.type", "\"type\":\"app_mention\""));
        if (envelope.isPresent()
                || !body.getAsJsonObject("event").get("type").getAsString().equals("app_mention")) {
            return envelope;
        }
        return JsonFields.requireString(body, "event.channel", "\"channel\":\"C0123ABCD\"")
                .or(() -> JsonFields.requireString(body, "event.user", "\"user\":\"U0123ABCD\""))
                .or(() -> JsonFields.requireText(body, "event.text", "\"text\":\"<@U0BOT1234> help\""))
                .or(() -> JsonFields.requireString(body, "event.ts", "\"ts\":\"1772806500.000300\""))
                .or(() -> JsonFields.requireModel(body, AppMentionPayload.class, "body", EVENT_EXAMPLE));
    }

    /** A required form field and a valid example of it. */
    private record FormField(String name, String example) {}
}
