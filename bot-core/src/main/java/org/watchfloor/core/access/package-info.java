/** Access control: roles mapped from platform users and groups. */
@NullMarked
package org.watchfloor.core.access;

import org.jspecify.annotations.NullMarked;
