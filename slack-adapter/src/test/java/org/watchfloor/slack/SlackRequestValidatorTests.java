package org.watchfloor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlackRequestValidatorTests {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    private static final String SLASH = "token=TESTverificationTOKEN123&team_id=T0123ABCD&channel_id=C0789IJKL"
            + "&user_id=U0123ABCD&user_name=analyst.one&command=%2Fincident&text=open+Phishing+wave"
            + "&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fresponse&trigger_id=7890123456789.1234567890123.0a1b2c3d";

    private static final String BUTTON = "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0456EFGH\"},"
            + "\"team\":{\"id\":\"T0123ABCD\"},\"container\":{\"type\":\"message\",\"channel_id\":\"C0789IJKL\","
            + "\"message_ts\":\"1772805902.004200\"},\"channel\":{\"id\":\"C0789IJKL\"},"
            + "\"actions\":[{\"action_id\":\"incident_ack\",\"value\":\"INC-2026-0042\"}]}";

    private static final String MODAL = "{\"type\":\"view_submission\",\"user\":{\"id\":\"U0123ABCD\"},"
            + "\"team\":{\"id\":\"T0123ABCD\"},\"view\":{\"callback_id\":\"incident_open_modal\",\"state\":"
            + "{\"values\":{\"title_block\":{\"title_input\":{\"type\":\"plain_text_input\",\"value\":\"x\"}}}}}}";

    private static final String MENTION = "{\"type\":\"event_callback\",\"team_id\":\"T0123ABCD\","
            + "\"event_id\":\"Ev0AB12CD34E\",\"event\":{\"type\":\"app_mention\",\"user\":\"U0456EFGH\","
            + "\"text\":\"<@U0BOT1234> help\",\"ts\":\"1772806500.000300\",\"channel\":\"C0789IJKL\"}}";

    static Stream<Arguments> validBodies() {
        return Stream.of(
                Arguments.of("slash command", FORM, SLASH),
                Arguments.of("slash command with empty text", FORM, SLASH.replace("text=open+Phishing+wave", "text=")),
                Arguments.of("certificate check", FORM, "ssl_check=1&token=TESTverificationTOKEN123"),
                Arguments.of("button click", FORM, payload(BUTTON)),
                Arguments.of(
                        "button click named by container",
                        FORM,
                        payload(BUTTON.replace(",\"channel\":{\"id\":\"C0789IJKL\"}", ""))),
                Arguments.of("modal submission", FORM, payload(MODAL)),
                Arguments.of("url verification", JSON, "{\"type\":\"url_verification\",\"challenge\":\"q7Vb2Xr9\"}"),
                Arguments.of("app mention", JSON, MENTION),
                Arguments.of(
                        "event without handler",
                        JSON,
                        "{\"type\":\"event_callback\",\"team_id\":\"T0123ABCD\",\"event_id\":\"Ev1\","
                                + "\"event\":{\"type\":\"reaction_added\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validBodies")
    void validBodyPasses(String name, String contentType, String body) {
        assertThat(SlackRequestValidator.validate(contentType, body)).isEmpty();
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(FORM, "", "body is empty"),
                Arguments.of(FORM, "team_id=T0123ABCD&text=%ZZ", "body is not a valid URL-encoded form"),
                Arguments.of(FORM, "team_id=T0123ABCD&text=a=b", "body is not a valid URL-encoded form"),
                Arguments.of(FORM, SLASH.replace("team_id=T0123ABCD&", ""), "team_id is missing"),
                Arguments.of(FORM, SLASH.replace("channel_id=C0789IJKL&", ""), "channel_id is missing"),
                Arguments.of(FORM, SLASH.replace("&user_id=U0123ABCD", ""), "user_id is missing"),
                Arguments.of(FORM, SLASH.replace("&command=%2Fincident", ""), "command is missing"),
                Arguments.of(FORM, SLASH.replace("&text=open+Phishing+wave", ""), "text is missing"),
                Arguments.of(FORM, SLASH.replace("&trigger_id=", "&other="), "trigger_id is missing"),
                Arguments.of(
                        FORM,
                        SLASH.replace("channel_id=C0789IJKL", "channel_id=+"),
                        "channel_id has the invalid value \" \""),
                Arguments.of(
                        FORM, SLASH.replace("%2Fincident", "incident"), "command has the invalid value \"incident\""),
                Arguments.of(FORM, "payload=%7B%22type%22%3A%22block_actions%22", "payload is not valid JSON"),
                Arguments.of(FORM, "payload=not+json", "payload is not valid JSON"),
                Arguments.of(FORM, "payload=", "payload is not valid JSON"),
                Arguments.of(FORM, payload("[1,2]"), "payload has the invalid value [1,2]"),
                Arguments.of(FORM, payload("{\"user\":{\"id\":\"U1\"}}"), "type is missing"),
                Arguments.of(FORM, payload("{\"type\":\"shortcut\"}"), "type has the invalid value \"shortcut\""),
                Arguments.of(
                        FORM, payload(BUTTON.replace("\"user\":{\"id\":\"U0456EFGH\"},", "")), "user.id is missing"),
                Arguments.of(
                        FORM,
                        payload(BUTTON.replace("{\"id\":\"U0456EFGH\"}", "\"U0456EFGH\"")),
                        "user has the invalid value \"U0456EFGH\""),
                Arguments.of(
                        FORM, payload(BUTTON.replace("\"team\":{\"id\":\"T0123ABCD\"},", "")), "team.id is missing"),
                Arguments.of(
                        FORM,
                        payload(BUTTON.replace(",\"channel\":{\"id\":\"C0789IJKL\"}", "")
                                .replace("\"channel_id\":\"C0789IJKL\",", "")),
                        "container.channel_id is missing"),
                Arguments.of(FORM, payload(BUTTON.replaceAll(",\"actions\":.*}$", "}")), "actions is missing"),
                Arguments.of(
                        FORM,
                        payload(BUTTON.replaceAll("\"actions\":.*}$", "\"actions\":[]}")),
                        "actions has the invalid value []"),
                Arguments.of(
                        FORM,
                        payload(BUTTON.replace("\"action_id\":\"incident_ack\",", "")),
                        "actions[0].action_id is missing"),
                Arguments.of(
                        FORM,
                        payload(BUTTON.replace("\"actions\"", "\"message\":\"x\",\"actions\"")),
                        "message does not match the format Slack sends"),
                Arguments.of(FORM, payload(MODAL.replaceAll(",\"view\":.*}$", "}")), "view is missing"),
                Arguments.of(
                        FORM,
                        payload(MODAL.replace("\"callback_id\":\"incident_open_modal\",", "")),
                        "view.callback_id is missing"),
                Arguments.of(
                        FORM,
                        payload(MODAL.replaceAll("\"state\":.*}$", "\"state\":{}}}")),
                        "view.state.values is missing"),
                Arguments.of(
                        FORM, payload(MODAL.replace("\"team\":{\"id\":\"T0123ABCD\"},", "")), "team.id is missing"),
                Arguments.of(JSON, "not json", "body is not valid JSON"),
                Arguments.of(JSON, MENTION.substring(0, 60), "body is not valid JSON"),
                Arguments.of(JSON, "[1]", "body has the invalid value [1]"),
                Arguments.of(JSON, "{}", "type is missing"),
                Arguments.of(
                        JSON, "{\"type\":\"app_rate_limited\"}", "type has the invalid value \"app_rate_limited\""),
                Arguments.of(JSON, "{\"type\":\"url_verification\"}", "challenge is missing"),
                Arguments.of(JSON, MENTION.replace("\"team_id\":\"T0123ABCD\",", ""), "team_id is missing"),
                Arguments.of(JSON, MENTION.replace("\"event_id\":\"Ev0AB12CD34E\",", ""), "event_id is missing"),
                Arguments.of(JSON, MENTION.replaceAll(",\"event\":.*}$", "}"), "event is missing"),
                Arguments.of(JSON, MENTION.replace("\"type\":\"app_mention\",", ""), "event.type is missing"),
                Arguments.of(JSON, MENTION.replace(",\"channel\":\"C0789IJKL\"", ""), "event.channel is missing"),
                Arguments.of(JSON, MENTION.replace("\"user\":\"U0456EFGH\",", ""), "event.user is missing"),
                Arguments.of(JSON, MENTION.replace("\"text\":\"<@U0BOT1234> help\",", ""), "event.text is missing"),
                Arguments.of(JSON, MENTION.replace("\"ts\":\"1772806500.000300\",", ""), "event.ts is missing"),
                Arguments.of(
                        JSON,
                        MENTION.replace("\"ts\":", "\"blocks\":\"x\",\"ts\":"),
                        "event.blocks does not match the format Slack sends"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalidBodies")
    void invalidBodyNamesField(String contentType, String body, String reason) {
        Optional<InvalidRequest> invalid = SlackRequestValidator.validate(contentType, body);

        assertThat(invalid).isPresent();
        assertThat(invalid.get().reason()).isEqualTo(reason);
    }

    @Test
    void messageShowsValidExample() {
        String body = SLASH.replace("channel_id=C0789IJKL&", "");

        InvalidRequest invalid = SlackRequestValidator.validate(FORM, body).orElseThrow();

        assertThat(invalid.message())
                .isEqualTo("Invalid Slack request: channel_id is missing. Valid example: channel_id=C0123ABCD");
    }

    @Test
    void jsonBodyWinsOverContentType() {
        Optional<InvalidRequest> invalid = SlackRequestValidator.validate(FORM, "{\"type\":\"url_verification\"}");

        assertThat(invalid.map(InvalidRequest::reason)).contains("challenge is missing");
    }

    @Test
    void shownValueEscapesLineBreaks() {
        String body = SLASH.replace("%2Fincident", "incident%0Aforged+log+line");

        InvalidRequest invalid = SlackRequestValidator.validate(FORM, body).orElseThrow();

        assertThat(invalid.reason()).isEqualTo("command has the invalid value \"incident\\nforged log line\"");
    }

    @Test
    void longValueIsTruncated() {
        String body = SLASH.replace("%2Fincident", "x".repeat(500));

        InvalidRequest invalid = SlackRequestValidator.validate(FORM, body).orElseThrow();

        assertThat(invalid.reason()).hasSizeLessThan(100).endsWith("...");
    }

    private static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }
}
