/** De-duplication of inbound platform deliveries, so that retried requests act once. */
@NullMarked
package org.watchfloor.core.inbound;

import org.jspecify.annotations.NullMarked;
