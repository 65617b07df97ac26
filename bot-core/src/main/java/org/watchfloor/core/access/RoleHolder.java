package org.watchfloor.core.access;

/**
 * A configured user or group with a role, named in refusals so the caller knows whom to ask.
 *
 * @param group whether {@code id} is a user group rather than a single user
 */
public record RoleHolder(String id, boolean group, Role role) {}
