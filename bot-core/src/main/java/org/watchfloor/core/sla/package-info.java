/** Service-level deadlines of tickets: policies per severity, due times, warnings and breaches, and paging state. */
@NullMarked
package org.watchfloor.core.sla;

import org.jspecify.annotations.NullMarked;
