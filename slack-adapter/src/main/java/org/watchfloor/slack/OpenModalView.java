package org.watchfloor.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datetimePicker;
import static com.slack.api.model.block.element.BlockElements.multiStaticSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.google.gson.JsonObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.command.CommandParser;

/**
 * Builds the open-incident modal that {@code /incident open} without a title shows. Its block and action ids are
 * the ones {@link OpenModal} reads on submission, and its private metadata carries the channel to post the card in.
 */
final class OpenModalView {

    private static final List<String> TAGS =
            List.of("phishing", "malware", "ransomware", "credential-access", "data-exfiltration", "cloud", "finance");

    private OpenModalView() {}

    static View build(String channelId, @Nullable String responseUrl) {
        return view(v -> v.type("modal")
                .callbackId(OpenModal.CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text").text("Open incident")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Open")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(metadata(channelId, responseUrl))
                .blocks(List.of(
                        input(i -> i.blockId("title_block")
                                .label(plainText("Title"))
                                .element(plainTextInput(
                                        p -> p.actionId("title_input").maxLength(CommandParser.MAX_TITLE_LENGTH)))),
                        input(i -> i.blockId("severity_block")
                                .label(plainText("Severity"))
                                .element(staticSelect(s -> s.actionId("severity_select")
                                        .options(severities())
                                        .initialOption(severities().get(2))))),
                        input(i -> i.blockId("desc_block")
                                .label(plainText("What happened?"))
                                .optional(true)
                                .element(plainTextInput(p ->
                                        p.actionId("desc_input").multiline(true).maxLength(3000)))),
                        input(i -> i.blockId("owner_block")
                                .label(plainText("Owner"))
                                .optional(true)
                                .element(usersSelect(u -> u.actionId("owner_select")))),
                        input(i -> i.blockId("detected_block")
                                .label(plainText("Detected at"))
                                .optional(true)
                                .element(datetimePicker(d -> d.actionId("detected_at")))),
                        input(i -> i.blockId("tags_block")
                                .label(plainText("Tags"))
                                .optional(true)
                                .element(multiStaticSelect(m -> m.actionId("tags_select")
                                        .options(TAGS.stream()
                                                .map(tag -> option(plainText(tag), tag))
                                                .toList())))),
                        input(i -> i.blockId("ticket_block")
                                .label(plainText("External ticket"))
                                .optional(true)
                                .element(plainTextInput(p -> p.actionId("ticket_ref")))))));
    }

    private static List<OptionObject> severities() {
        return List.of(
                option(plainText("SEV-1 (critical)"), "sev1"),
                option(plainText("SEV-2 (high)"), "sev2"),
                option(plainText("SEV-3 (medium)"), "sev3"),
                option(plainText("SEV-4 (low)"), "sev4"));
    }

    private static String metadata(String channelId, @Nullable String responseUrl) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("channel_id", channelId);
        if (responseUrl != null) {
            metadata.addProperty("response_url", responseUrl);
        }
        return metadata.toString();
    }
}
