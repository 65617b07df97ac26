/** The {@code /incident} command language shared by every chat platform: parsing, access checks and execution. */
@NullMarked
package org.watchfloor.core.command;

import org.jspecify.annotations.NullMarked;
