package org.watchfloor.slack;

import com.google.gson.JsonElement;

/**
 * A signed Slack request whose body lacks a field that Slack always sends, or has a value that Watchfloor cannot
 * read. {@link SlackRequestFilter} rejects it with HTTP 400 and this message before Bolt reads the body.
 *
 * @param field the form field or JSON path, such as {@code channel_id} or {@code event.channel}
 * @param problem what is wrong with the field, such as {@code is missing} or {@code has the invalid value ""}
 * @param example a valid value as it appears in a request, such as {@code channel_id=C0123ABCD}
 */
record InvalidRequest(String field, String problem, String example) {

    /** Longer values are truncated, because the value goes into the response and the log line. */
    private static final int MAX_VALUE_LENGTH = 60;

    static InvalidRequest missing(String field, String example) {
        return new InvalidRequest(field, "is missing", example);
    }

    /** Shows the value as JSON, so that control characters are escaped and cannot forge log lines. */
    static InvalidRequest invalidValue(String field, JsonElement value, String example) {
        String json = value.toString();
        String truncated = json.length() <= MAX_VALUE_LENGTH ? json : json.substring(0, MAX_VALUE_LENGTH) + "...";
        return new InvalidRequest(field, "has the invalid value " + truncated, example);
    }

    /** Returns this problem with the field named inside {@code parent}, such as {@code actions[0].action_id}. */
    InvalidRequest within(String parent) {
        return new InvalidRequest(parent + "." + field, problem, example);
    }

    /** Returns the field and its problem, such as {@code channel_id is missing}, for the log. */
    String reason() {
        return field + " " + problem;
    }

    /** Returns the plain-text body of the HTTP 400 response. */
    String message() {
        return "Invalid Slack request: " + reason() + ". Valid example: " + example;
    }
}
