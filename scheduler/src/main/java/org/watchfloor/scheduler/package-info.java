/** Quartz jobs in an in-memory job store; every job keeps its state in MongoDB, so all replicas run them. */
@NullMarked
package org.watchfloor.scheduler;

import org.jspecify.annotations.NullMarked;
