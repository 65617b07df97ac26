/** The Slack adapter: slash commands, buttons, modals and the Events API through Bolt, and posts to channels. */
@NullMarked
package org.watchfloor.slack;

import org.jspecify.annotations.NullMarked;
