/**
 * The document store: an embedded MongoDB wire-protocol server with a durable H2 file when no MongoDB URI is set,
 * the mapping of the store's environment variables, and the store health check.
 */
@NullMarked
package org.watchfloor.app.store;

import org.jspecify.annotations.NullMarked;
