package org.watchfloor.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sequence of {@code /incident} slash-command bodies for one target, alternating {@code open} and {@code show}.
 * A {@code show} names a ticket key taken from an earlier {@code open} ack of the same target, or ticket 1 while
 * no ack has contained a key (the bare app's acks never do). Safe for the scheduler thread and the HTTP client's
 * completion threads to use at once.
 */
final class IncidentCommands {

    /** Ticket keys in both formats Watchfloor issues, {@code INC-17} and {@code INC-2026-0017}. */
    private static final Pattern TICKET_KEY = Pattern.compile("[A-Z]+-(\\d{4}-)?\\d+");

    private static final int MAX_REMEMBERED_KEYS = 500;

    private final String responseUrl;
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> openedKeys = new ArrayList<>();

    IncidentCommands(URI responseUrl) {
        this.responseUrl = responseUrl.toString();
    }

    /** A form body ready to sign, and whether it opens a ticket. */
    record Command(String formBody, boolean opensTicket) {}

    Command next() {
        long number = sequence.incrementAndGet();
        boolean open = number % 2 == 1;
        String text = open
                ? "open Benchmark ticket " + number + " repeated failed sign-ins for svc-backup sev:3"
                : "show " + keyToShow(number);
        return new Command(formBody(text, number), open);
    }

    /** Remembers the ticket key in the ack of an {@code open}, if the ack contains one. */
    void recordOpenAck(String ackBody) {
        Matcher matcher = TICKET_KEY.matcher(ackBody);
        if (!matcher.find()) {
            return;
        }

        synchronized (openedKeys) {
            if (openedKeys.size() < MAX_REMEMBERED_KEYS) {
                openedKeys.add(matcher.group());
            }
        }
    }

    private String keyToShow(long number) {
        synchronized (openedKeys) {
            if (openedKeys.isEmpty()) {
                return "1";
            }
            return openedKeys.get((int) (number % openedKeys.size()));
        }
    }

    /** Builds a form body with the fields in the order Slack sends them and made-up team, channel and user ids. */
    private String formBody(String text, long number) {
        return "token=TESTverificationTOKEN123"
                + "&team_id=T0123ABCD&team_domain=example-soc"
                + "&channel_id=C0789IJKL&channel_name=soc-incidents"
                + "&user_id=U0123ABCD&user_name=analyst.one"
                + "&command=%2Fincident"
                + "&text=" + encode(text)
                + "&api_app_id=A0123ABCD&is_enterprise_install=false"
                + "&response_url=" + encode(responseUrl)
                + "&trigger_id=" + (7_000_000_000_000L + number) + ".1234567890123.0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
