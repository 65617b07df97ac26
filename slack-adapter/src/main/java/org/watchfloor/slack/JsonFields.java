package org.watchfloor.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.slack.api.util.json.GsonFactory;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks required fields of a Slack JSON body by dotted path, such as {@code event.channel}. */
final class JsonFields {

    /** The Gson setup that Bolt parses with, including the Slack SDK's adapters for blocks and elements. */
    private static final Gson SLACK_GSON = GsonFactory.createSnakeCase();

    /**
     * Gson ends its binding errors with the JSON path of the failing value, such as {@code path $.message}. Only
     * the characters of Slack's field names are taken, so the path is safe to log.
     */
    private static final Pattern GSON_PATH = Pattern.compile("path \\$\\.?([A-Za-z0-9_.\\[\\]]{0,100})");

    private JsonFields() {}

    /** Parses JSON as Bolt does. Returns null when the text is not valid JSON or is empty. */
    static @Nullable JsonElement parse(String text) {
        try {
            return SLACK_GSON.fromJson(text, JsonElement.class);
        } catch (JsonParseException invalid) {
            return null;
        }
    }

    /** Requires parsed JSON to be an object. A null {@code json} means that the text was not valid JSON. */
    static Optional<InvalidRequest> requireJsonObject(@Nullable JsonElement json, String field, String example) {
        if (json == null) {
            return Optional.of(new InvalidRequest(field, "is not valid JSON", example));
        }
        if (!json.isJsonObject()) {
            return Optional.of(InvalidRequest.invalidValue(field, json, example));
        }
        return Optional.empty();
    }

    /** Requires a string that is not blank, such as an id. */
    static Optional<InvalidRequest> requireString(JsonObject root, String path, String example) {
        return require(root, path, example, JsonFields::isNonBlankString);
    }

    /** Requires a string that may be empty, such as the text of a message. */
    static Optional<InvalidRequest> requireText(JsonObject root, String path, String example) {
        return require(
                root,
                path,
                example,
                value -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString());
    }

    static boolean isPresent(JsonObject object, String name) {
        return object.has(name) && !object.get(name).isJsonNull();
    }

    static Optional<InvalidRequest> requireObject(JsonObject root, String path, String example) {
        return require(root, path, example, JsonElement::isJsonObject);
    }

    /**
     * Requires that the Slack SDK can bind the whole body to {@code model}, as Bolt does before any handler runs,
     * so that a value of the wrong JSON type anywhere in it is reported here instead of failing inside Bolt.
     */
    static Optional<InvalidRequest> requireModel(JsonObject root, Class<?> model, String field, String example) {
        try {
            SLACK_GSON.fromJson(root, model);
            return Optional.empty();
        } catch (RuntimeException unreadable) {
            // The SDK's block adapters fail with NullPointerException or IllegalStateException on unexpected shapes,
            // not only with Gson's JsonParseException, and binding changes nothing, so every failure means the same.
            return Optional.of(new InvalidRequest(
                    failingPath(unreadable, field), "does not match the format Slack sends", example));
        }
    }

    private static Optional<InvalidRequest> require(
            JsonObject root, String path, String example, Predicate<JsonElement> isValid) {
        JsonElement current = root;
        String walked = "";
        for (String name : path.split("\\.")) {
            if (!current.isJsonObject()) {
                return Optional.of(InvalidRequest.invalidValue(walked, current, example));
            }
            walked = walked.isEmpty() ? name : walked + "." + name;
            current = current.getAsJsonObject().get(name);
            if (current == null || current.isJsonNull()) {
                return Optional.of(InvalidRequest.missing(path, example));
            }
        }
        return isValid.test(current)
                ? Optional.empty()
                : Optional.of(InvalidRequest.invalidValue(path, current, example));
    }

    private static boolean isNonBlankString(JsonElement value) {
        return value.isJsonPrimitive()
                && value.getAsJsonPrimitive().isString()
                && !value.getAsString().isBlank();
    }

    /** Returns the JSON path that Gson names in the error, or {@code field} when it names none. */
    private static String failingPath(RuntimeException error, String field) {
        Matcher matcher = GSON_PATH.matcher(String.valueOf(error.getMessage()));
        if (!matcher.find()) {
            return field;
        }
        String path = matcher.group(1).replaceAll("\\.+$", "");
        return path.isEmpty() ? field : path;
    }
}
