package org.watchfloor.core.access;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Role mapping, under {@code watchfloor.access}.
 *
 * @param users role per platform user id, such as {@code U0123ABCD: TIER2}; ids are compared in upper case
 * @param groups role per platform user group id, such as a Slack user group {@code S0123ABCD: TIER3}; members get
 *     the highest role of their groups and their own mapping
 * @param defaultRole role of users with no mapping; TIER1 when unset
 */
@ConfigurationProperties("watchfloor.access")
public record AccessProperties(Map<String, Role> users, Map<String, Role> groups, Role defaultRole) {

    public AccessProperties {
        // Spring passes null for unset properties.
        users = upperCaseKeys(users);
        groups = upperCaseKeys(groups);
        defaultRole = defaultRole == null ? Role.TIER1 : defaultRole;
    }

    /**
     * Returns the mapping with upper-case ids. Slack and Discord ids are upper case or digits, but Spring lowercases
     * map keys bound from environment variables such as WATCHFLOOR_ACCESS_USERS_U0123ABCD.
     */
    private static Map<String, Role> upperCaseKeys(Map<String, Role> mapping) {
        Map<String, Role> normalised = new HashMap<>();
        if (mapping != null) {
            mapping.forEach((id, role) -> normalised.put(id.toUpperCase(Locale.ROOT), role));
        }
        return Map.copyOf(normalised);
    }
}
