package org.watchfloor.core.access;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Role mapping, under {@code watchfloor.access}.
 *
 * @param users role per platform user id, such as {@code U0123ABCD: TIER2}
 * @param groups role per platform user group id, such as a Slack user group {@code S0123ABCD: TIER3}; members get
 *     the highest role of their groups and their own mapping
 * @param defaultRole role of users with no mapping; TIER1 when unset
 */
@ConfigurationProperties("watchfloor.access")
public record AccessProperties(
        Map<String, Role> users, Map<String, Role> groups, Role defaultRole) {

    public AccessProperties {
        // Spring passes null for unset properties.
        users = users == null ? Map.of() : Map.copyOf(users);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
        defaultRole = defaultRole == null ? Role.TIER1 : defaultRole;
    }
}
