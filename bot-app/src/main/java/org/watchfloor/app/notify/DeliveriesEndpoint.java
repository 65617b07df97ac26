package org.watchfloor.app.notify;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.watchfloor.core.notify.FailedDeliveries;
import org.watchfloor.core.notify.FailedDeliveries.FailedDelivery;

/**
 * Actuator endpoint {@code /actuator/deliveries}: the outbox messages that were never delivered, most recent failure
 * first, so an admin can see which page or card update a channel missed and why. It shows no message text.
 */
@Endpoint(id = "deliveries")
class DeliveriesEndpoint {

    /** Most failed messages listed. */
    static final int LIMIT = 100;

    private final FailedDeliveries failedDeliveries;

    DeliveriesEndpoint(FailedDeliveries failedDeliveries) {
        this.failedDeliveries = failedDeliveries;
    }

    /**
     * Failed messages of the outbox.
     *
     * @param failed up to {@value #LIMIT} messages, the most recent failure first
     */
    record Report(List<FailedDelivery> failed) {}

    @ReadOperation
    Report failed() {
        return new Report(failedDeliveries.latest(LIMIT));
    }
}
