package org.watchfloor.slack;

import java.util.regex.Pattern;

/** Escaping and decoding of Slack's message text format. */
public final class SlackText {

    /**
     * Bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which can make a file
     * name such as {@code invoice\u202Efdp.exe} display as {@code invoiceexe.pdf}. They are dropped when rendered.
     */
    private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private SlackText() {}

    /**
     * Escapes user text for a mrkdwn or plain message, so that {@code <!channel>}, {@code <!here>},
     * {@code <!subteam^...>}, {@code <@U...>} and {@code <url|label>} show as typed and ping or link no one. Slack
     * reads only these three characters as control characters.
     */
    public static String escape(String text) {
        String withoutOverrides = BIDI_CONTROLS.matcher(text).replaceAll("");
        return withoutOverrides.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Decodes the three entities Slack encodes in the text of slash commands and events, once: a typed
     * {@code &amp;amp;} becomes {@code &amp;}, never {@code &}.
     */
    public static String decode(String text) {
        StringBuilder decoded = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("&amp;", i)) {
                decoded.append('&');
                i += 5;
            } else if (text.startsWith("&lt;", i)) {
                decoded.append('<');
                i += 4;
            } else if (text.startsWith("&gt;", i)) {
                decoded.append('>');
                i += 4;
            } else {
                decoded.append(text.charAt(i));
                i++;
            }
        }
        return decoded.toString();
    }

    /** Returns the mention syntax for a user id ({@code U...}, {@code W...}) or a user group id ({@code S...}). */
    public static String mention(String id) {
        return id.startsWith("S") ? "<!subteam^" + id + ">" : "<@" + id + ">";
    }

    /** Cuts text to at most {@code max} characters, marking the cut with an ellipsis. */
    public static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
