package org.watchfloor.core.ticket;

import java.time.Instant;
import java.util.Locale;

/** Rules for closing a ticket, which depend on the resolution code and the severity. */
final class Closing {

    private Closing() {}

    static Decision close(Ticket ticket, Actor actor, Closure closure, Instant now) {
        String key = ticket.key();
        if (ticket.isClosed()) {
            return Workflow.closedRejection(ticket, "closed again");
        }
        if (closure.resolution() == Resolution.TRUE_POSITIVE && ticket.status() != TicketStatus.RESOLVED) {
            return new Decision.Rejected(new Problem(
                    "status",
                    ticket.status().name(),
                    key + " is " + ticket.status().label() + "; a true positive closes only from Resolved. Next"
                            + " steps from here: " + Workflow.forwardSteps(ticket.status()) + ".",
                    "/incident status " + key + " resolved <what was done>"));
        }
        if (closure.resolution() == Resolution.TRUE_POSITIVE
                && ticket.severity().isAtLeast(Severity.HIGH)
                && (isBlank(closure.rootCause()) || isBlank(closure.lessonsLearned()))) {
            return new Decision.Rejected(new Problem(
                    isBlank(closure.rootCause()) ? "root" : "lessons",
                    null,
                    "Closing a " + ticket.severity().label() + " true positive needs a root cause (root:) and lessons"
                            + " learned (lessons:).",
                    "/incident close " + key + " true_positive Contained and cleaned root:\"phished VPN password\""
                            + " lessons:\"enforce phishing-resistant MFA\""));
        }
        if (closure.resolution() == Resolution.DUPLICATE && key.equals(closure.duplicateOf())) {
            return new Decision.Rejected(new Problem(
                    "original",
                    closure.duplicateOf(),
                    "A ticket cannot be a duplicate of itself; name the original ticket.",
                    "/incident close " + key + " duplicate <original key> same phishing wave"));
        }

        String resolution = closure.resolution().name().toLowerCase(Locale.ROOT);
        return ticket.change(actor, now)
                .event(EventType.CLOSED, ticket.status().name(), resolution, closure.summary())
                .closed(closure)
                .done();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
