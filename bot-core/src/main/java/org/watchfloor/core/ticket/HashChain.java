package org.watchfloor.core.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Computes and checks the SHA-256 chain over a timeline. Each field is written with its length in front, so that no
 * two different events can produce the same input, and the first event chains to {@link #GENESIS}.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    /** Builds the next event of a timeline whose last hash is {@code previousHash}. */
    public static TimelineEvent append(
            String previousHash,
            int sequence,
            Instant at,
            Actor actor,
            EventType type,
            @Nullable String from,
            @Nullable String to,
            @Nullable String note) {
        String hash = hash(previousHash, sequence, at, actor, type, from, to, note);
        return new TimelineEvent(sequence, at, actor, type, from, to, note, hash);
    }

    /** Returns the sequence number of the first event whose hash or position does not match, if any. */
    public static Optional<Integer> firstBrokenEvent(List<TimelineEvent> timeline) {
        String previous = GENESIS;
        int expectedSequence = 1;
        for (TimelineEvent event : timeline) {
            String expected = hash(
                    previous,
                    event.sequence(),
                    event.at(),
                    event.actor(),
                    event.type(),
                    event.from(),
                    event.to(),
                    event.note());
            if (event.sequence() != expectedSequence || !expected.equals(event.hash())) {
                return Optional.of(event.sequence());
            }
            previous = event.hash();
            expectedSequence++;
        }
        return Optional.empty();
    }

    static String lastHash(List<TimelineEvent> timeline) {
        return timeline.isEmpty() ? GENESIS : timeline.get(timeline.size() - 1).hash();
    }

    private static String hash(
            String previousHash,
            int sequence,
            Instant at,
            Actor actor,
            EventType type,
            @Nullable String from,
            @Nullable String to,
            @Nullable String note) {
        StringBuilder input = new StringBuilder();
        for (String field : new String[] {
            previousHash,
            Integer.toString(sequence),
            Long.toString(at.toEpochMilli()),
            actor.platform(),
            actor.userId(),
            actor.name(),
            type.name(),
            from,
            to,
            note
        }) {
            // A missing value is written as -1 so that it differs from an empty string.
            input.append(field == null ? -1 : field.length()).append(':');
            input.append(field == null ? "" : field).append('|');
        }
        return HexFormat.of().formatHex(sha256().digest(input.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
