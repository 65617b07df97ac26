/** Incident tickets: the document model, the workflow rules, keys and the audit trail. */
@NullMarked
package org.watchfloor.core.ticket;

import org.jspecify.annotations.NullMarked;
