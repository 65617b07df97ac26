package org.watchfloor.core.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Works out a user's role from the configured user and group mappings. */
public class RoleDirectory {

    private final AccessProperties properties;
    private final GroupMembership groups;

    public RoleDirectory(AccessProperties properties, GroupMembership groups) {
        this.properties = properties;
        this.groups = groups;
    }

    /** Returns the highest role among the user's own mapping, the groups the user is in, and the default role. */
    public Role roleOf(String userId) {
        Role role = properties.defaultRole();
        Role own = properties.users().get(userId.toUpperCase(Locale.ROOT));
        if (own != null && own.includes(role)) {
            role = own;
        }
        for (Map.Entry<String, Role> group : properties.groups().entrySet()) {
            if (group.getValue().includes(role)
                    && groups.members(group.getKey()).contains(userId)) {
                role = group.getValue();
            }
        }
        return role;
    }

    /** Returns the configured users and groups whose role includes {@code required}, groups first. */
    public List<RoleHolder> holdersOf(Role required) {
        List<RoleHolder> holders = new ArrayList<>();
        properties.groups().forEach((id, role) -> {
            if (role.includes(required)) {
                holders.add(new RoleHolder(id, true, role));
            }
        });
        properties.users().forEach((id, role) -> {
            if (role.includes(required)) {
                holders.add(new RoleHolder(id, false, role));
            }
        });
        return List.copyOf(holders);
    }
}
