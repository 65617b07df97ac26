/** The runnable Watchfloor application: wiring of the core, the adapters and the store. */
@NullMarked
package org.watchfloor.app;

import org.jspecify.annotations.NullMarked;
