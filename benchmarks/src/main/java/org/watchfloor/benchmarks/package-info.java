/** Load drivers and a bare Bolt app that measure how fast Watchfloor acknowledges Slack requests. */
@NullMarked
package org.watchfloor.benchmarks;

import org.jspecify.annotations.NullMarked;
