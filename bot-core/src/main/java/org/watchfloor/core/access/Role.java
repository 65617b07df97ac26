package org.watchfloor.core.access;

/** Permission level of a user, ordered so that each role includes the ones before it. */
public enum Role {
    TIER1,
    TIER2,
    TIER3,
    MANAGER,
    ADMIN;

    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }
}
