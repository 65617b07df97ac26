package org.watchfloor.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Validly signed requests whose body lacks a field that Slack always sends, or is not valid JSON: each gets HTTP 400
 * naming the field, stores nothing and posts nothing to Slack. Every id, text and response URL in these bodies
 * contains {@link #MARKER}, so a post caused by one of them is distinct from posts that earlier tests left
 * running.
 */
class SlackMalformedRequestIntegrationTests extends SlackAppIntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final String MARKER = "ZQXW71";
    private static final String CHANNEL = "C0" + MARKER;
    private static final String USER = "U0" + MARKER;

    private static final String BUTTON_CLICK = """
            {"type":"block_actions","user":{"id":"%s","username":"analyst"},"team":{"id":"T0123ABCD"},
            "channel":{"id":"%s"},"container":{"type":"message","channel_id":"%s","message_ts":"1772805902.004200"},
            "response_url":"%s","actions":[{"action_id":"incident_ack","value":"INC-2026-0042"}]}""";

    private static final String MODAL_SUBMISSION = """
            {"type":"view_submission","user":{"id":"%s","username":"analyst"},"team":{"id":"T0123ABCD"},
            "view":{"callback_id":"incident_open_modal","private_metadata":"{\\"channel_id\\":\\"%s\\"}",
            "state":{"values":{"title_block":{"title_input":{"type":"plain_text_input","value":"Wiper %s"}},
            "severity_block":{"severity_select":{"type":"static_select","selected_option":{"value":"sev2"}}}}}}}""";

    private static final String MENTION = """
            {"type":"event_callback","team_id":"T0123ABCD","event_id":"Ev0%s","event":{"type":"app_mention",
            "user":"%s","text":"<@U0BOT1234> open Beaconing %s","ts":"1772806500.000300","channel":"%s"}}""";

    private SlackRequests malformed;
    private long ticketsBefore;

    @BeforeEach
    void sendToOwnResponseUrl() {
        malformed = new SlackRequests(port, SlackRequests.CORPUS_SECRET, responseUrl());
        ticketsBefore = ticketCount();
    }

    @Test
    void slashWithoutChannelIsRejected() {
        HttpResponse<String> response = postForm(slashWithout("channel_id"));

        assertRejectedWithoutEffect(response, "channel_id is missing");
    }

    @Test
    void slashWithoutUserIsRejected() {
        HttpResponse<String> response = postForm(slashWithout("user_id"));

        assertRejectedWithoutEffect(response, "user_id is missing");
    }

    @Test
    void slashWithoutTeamIsRejected() {
        HttpResponse<String> response = postForm(slashWithout("team_id"));

        assertRejectedWithoutEffect(response, "team_id is missing");
    }

    @Test
    void slashWithoutCommandIsRejected() {
        HttpResponse<String> response = postForm(slashWithout("command"));

        assertRejectedWithoutEffect(response, "command is missing");
    }

    @Test
    void slashWithoutTextIsRejected() {
        HttpResponse<String> response = postForm(slashWithout("text"));

        assertRejectedWithoutEffect(response, "text is missing");
    }

    @Test
    void truncatedPayloadIsRejected() {
        String json =
                malformed.pointResponseUrlsAtFake(SlackRequests.resource("block-actions-ack-button.payload.json"));
        String truncated = json.substring(0, json.length() / 2);

        HttpResponse<String> response = postForm(payload(truncated));

        assertRejectedWithoutEffect(response, "payload is not valid JSON");
    }

    @Test
    void payloadWithoutTypeIsRejected() {
        String json = buttonClick().replace("\"type\":\"block_actions\",", "");

        HttpResponse<String> response = postForm(payload(json));

        assertRejectedWithoutEffect(response, "type is missing");
    }

    @Test
    void buttonClickWithoutUserIsRejected() {
        String json = buttonClick().replace("\"user\":{\"id\":\"" + USER + "\",\"username\":\"analyst\"},", "");

        HttpResponse<String> response = postForm(payload(json));

        assertRejectedWithoutEffect(response, "user.id is missing");
    }

    @Test
    void buttonClickWithoutActionsIsRejected() {
        String json = buttonClick().replaceAll(",\"actions\":\\[.*]}$", "}");

        HttpResponse<String> response = postForm(payload(json));

        assertRejectedWithoutEffect(response, "actions is missing");
    }

    @Test
    void modalWithoutTeamIsRejected() {
        String json = modalSubmission().replace("\"team\":{\"id\":\"T0123ABCD\"},", "");

        HttpResponse<String> response = postForm(payload(json));

        assertRejectedWithoutEffect(response, "team.id is missing");
    }

    @Test
    void modalWithoutViewIsRejected() {
        String json = modalSubmission().replaceAll(",\\s*\"view\":.*}$", "}");

        HttpResponse<String> response = postForm(payload(json));

        assertRejectedWithoutEffect(response, "view is missing");
    }

    @Test
    void eventsBodyNotJsonIsRejected() {
        HttpResponse<String> response = postEvent("event_id=Ev0" + MARKER + "&channel=" + CHANNEL);

        assertRejectedWithoutEffect(response, "body is not valid JSON");
    }

    @Test
    void eventWithoutTeamIsRejected() {
        HttpResponse<String> response = postEvent(mention().replace("\"team_id\":\"T0123ABCD\",", ""));

        assertRejectedWithoutEffect(response, "team_id is missing");
    }

    @Test
    void mentionWithoutChannelIsRejected() {
        HttpResponse<String> response = postEvent(mention().replace(",\"channel\":\"" + CHANNEL + "\"", ""));

        assertRejectedWithoutEffect(response, "event.channel is missing");
    }

    @Test
    void mentionWithoutTextIsRejected() {
        HttpResponse<String> response =
                postEvent(mention().replace("\"text\":\"<@U0BOT1234> open Beaconing " + MARKER + "\",", ""));

        assertRejectedWithoutEffect(response, "event.text is missing");
    }

    @Test
    void challengeWithoutValueIsRejected() {
        HttpResponse<String> response = postEvent("{\"type\":\"url_verification\",\"token\":\"" + MARKER + "\"}");

        assertRejectedWithoutEffect(response, "challenge is missing");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void rejectionIsLoggedOnceWithoutBody(CapturedOutput output) {
        postForm(slashWithout("command"));

        List<String> lines = output.getOut()
                .lines()
                .filter(line -> line.contains("Slack request rejected: command is missing"))
                .toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(" WARN ");
        assertThat(output.getAll()).doesNotContainIgnoringCase(MARKER);
        assertThat(output.getAll()).doesNotContain(SlackRequests.CORPUS_SECRET);
        assertThat(output.getAll()).doesNotContain("No request pattern detected");
    }

    /** Checks the response, then waits a moment for posts and checks that none concerns this request. */
    private void assertRejectedWithoutEffect(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).startsWith("Invalid Slack request: " + reason + ". Valid example: ");
        assertThat(ticketCount()).isEqualTo(ticketsBefore);
        sleep(700);
        assertThat(slack.calls().stream().filter(this::concernsThisTest)).isEmpty();
    }

    private boolean concernsThisTest(FakeSlack.Call call) {
        String marker = MARKER.toLowerCase(Locale.ROOT);
        return call.method().toLowerCase(Locale.ROOT).contains(marker)
                || call.body().toLowerCase(Locale.ROOT).contains(marker);
    }

    private HttpResponse<String> postForm(String body) {
        return malformed.post("/slack/commands", FORM, body, SlackRequests.nextTimestamp(), Map.of());
    }

    private HttpResponse<String> postEvent(String body) {
        return malformed.post("/slack/events", JSON, body, SlackRequests.nextTimestamp(), Map.of());
    }

    /** Returns an {@code /incident open} form without {@code field}. Slack sends all of these fields. */
    private String slashWithout(String field) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("team_id", "T0123ABCD");
        form.put("channel_id", CHANNEL);
        form.put("user_id", USER);
        form.put("user_name", "analyst");
        form.put("command", "/incident");
        form.put("text", "open Ransomware note " + MARKER + " sev:high");
        form.put("response_url", responseUrl());
        form.put("trigger_id", "7890123456789.1234567890123.0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        form.remove(field);

        List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private String buttonClick() {
        return BUTTON_CLICK.formatted(USER, CHANNEL, CHANNEL, responseUrl()).replace("\n", "");
    }

    private String modalSubmission() {
        return MODAL_SUBMISSION.formatted(USER, CHANNEL, MARKER).replace("\n", "");
    }

    private String mention() {
        return MENTION.formatted(MARKER, USER, MARKER, CHANNEL).replace("\n", "");
    }

    private static String payload(String json) {
        return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static String responseUrl() {
        return slack.responseUrl(MARKER.toLowerCase(Locale.ROOT));
    }
}
