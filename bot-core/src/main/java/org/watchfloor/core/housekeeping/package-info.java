/** Deletion of stored records that no longer serve a purpose, so that the collections the jobs scan stay small. */
@NullMarked
package org.watchfloor.core.housekeeping;

import org.jspecify.annotations.NullMarked;
