/**
 * On-call rosters per tier: who is on call at an instant, from a rotation that follows the local calendar, and
 * temporary overrides stored in MongoDB.
 */
@NullMarked
package org.watchfloor.core.oncall;

import org.jspecify.annotations.NullMarked;
