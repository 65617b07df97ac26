/** Escalation rules that move tickets between tiers by severity and category. */
@NullMarked
package org.watchfloor.core.escalation;

import org.jspecify.annotations.NullMarked;
