package org.watchfloor.core.command;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.LinkRelation;
import org.watchfloor.core.ticket.Resolution;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.TicketStatus;
import org.watchfloor.core.ticket.Tier;

/** A parsed {@code /incident} command. Ticket keys in commands are already resolved to their canonical form. */
public sealed interface Command {

    /** The command word, as typed in {@code /incident <name>}. */
    String name();

    /** Opens a ticket. */
    record Open(String title, String description, Severity severity, Category category, List<String> tags)
            implements Command {
        public String name() {
            return "open";
        }
    }

    record Show(String key) implements Command {
        public String name() {
            return "show";
        }
    }

    /** Lists tickets, newest first. */
    record ListTickets(Scope scope, Set<Severity> severities, Set<Tier> tiers, Set<TicketStatus> statuses, int limit)
            implements Command {
        public String name() {
            return "list";
        }

        /** Starting set of a list, before the other filters apply. */
        public enum Scope {
            OPEN,
            MINE,
            ALL
        }
    }

    /** Takes ownership of a ticket and stops its acknowledge timer. */
    record Acknowledge(String key) implements Command {
        public String name() {
            return "ack";
        }
    }

    /** Assigns a ticket to a platform user, given by id. */
    record Assign(String key, String userId) implements Command {
        public String name() {
            return "assign";
        }
    }

    /**
     * Raises the tier of a ticket and pages the new tier's on-call.
     *
     * @param target the tier to escalate to, or null for one step up
     * @param fromButton whether it came from a card button, where a double click must apply once
     */
    record Escalate(String key, @Nullable Tier target, String reason, boolean fromButton) implements Command {
        public String name() {
            return "escalate";
        }
    }

    record Deescalate(String key, String guidance) implements Command {
        public String name() {
            return "deescalate";
        }
    }

    record ChangeStatus(
            String key, TicketStatus status, @Nullable String note) implements Command {
        public String name() {
            return "status";
        }
    }

    record ChangeSeverity(String key, Severity severity, String reason) implements Command {
        public String name() {
            return "sev";
        }
    }

    record AddNote(String key, String text) implements Command {
        public String name() {
            return "note";
        }
    }

    /**
     * Links a ticket to another ticket or an external record.
     *
     * @param target as typed: a ticket key in any accepted form, an external key such as JIRA-123, or a URL
     */
    record Link(String key, String target, LinkRelation relation) implements Command {
        public String name() {
            return "link";
        }
    }

    /**
     * Closes a ticket.
     *
     * @param duplicateOf the original's key, required for DUPLICATE
     * @param rootCause required for HIGH and CRITICAL true positives
     * @param lessonsLearned required for HIGH and CRITICAL true positives
     */
    record Close(
            String key,
            Resolution resolution,
            String summary,
            @Nullable String duplicateOf,
            @Nullable String rootCause,
            @Nullable String lessonsLearned,
            boolean pirNeeded)
            implements Command {
        public String name() {
            return "close";
        }
    }

    record Reopen(String key, String reason) implements Command {
        public String name() {
            return "reopen";
        }
    }

    /**
     * Shows the audit trail.
     *
     * @param page which page of events, 1 for the newest
     */
    record Timeline(String key, int page) implements Command {
        public String name() {
            return "timeline";
        }
    }

    /**
     * Shows who is on call.
     *
     * @param tier the tier to show, or null for every tier
     */
    record OnCall(@Nullable Tier tier) implements Command {
        public String name() {
            return "oncall";
        }
    }

    /**
     * Puts a user on call for a tier from now on, ahead of the roster, until {@code duration} has passed.
     *
     * @param userId the platform user id of the person taking over
     */
    record OnCallOverride(Tier tier, String userId, Duration duration) implements Command {
        public String name() {
            return "oncall";
        }
    }

    /** Shows usage, for every command or for {@code topic}. */
    record Help(@Nullable String topic) implements Command {
        public String name() {
            return "help";
        }
    }
}
