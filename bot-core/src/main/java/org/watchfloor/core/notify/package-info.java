/** Outgoing chat messages that must not be lost: the outbox and the port that delivers its messages. */
@NullMarked
package org.watchfloor.core.notify;

import org.jspecify.annotations.NullMarked;
