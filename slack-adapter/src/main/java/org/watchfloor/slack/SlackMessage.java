package org.watchfloor.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A message ready for Slack.
 *
 * @param text the plain fallback text, already escaped, which notifications and local mode show
 * @param blocks the Block Kit layout; empty for text-only messages
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {

    public static SlackMessage text(String text) {
        return new SlackMessage(text, List.of());
    }
}
