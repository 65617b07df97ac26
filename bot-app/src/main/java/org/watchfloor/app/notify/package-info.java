/** Wiring of the outbox and its delivery, and the admin endpoint that lists failed deliveries. */
@NullMarked
package org.watchfloor.app.notify;

import org.jspecify.annotations.NullMarked;
