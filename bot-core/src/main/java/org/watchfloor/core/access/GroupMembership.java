package org.watchfloor.core.access;

import java.util.Set;

/** Port to the chat platform's user groups, such as Slack user groups. */
public interface GroupMembership {

    /** Returns the user ids in the group; an empty set when the group is unknown or cannot be read. */
    Set<String> members(String groupId);
}
