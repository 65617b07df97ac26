package org.watchfloor.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleDirectoryTests {

    private static final GroupMembership NO_GROUPS = groupId -> Set.of();

    @Test
    void unmappedUserGetsTierOneByDefault() {
        RoleDirectory directory = new RoleDirectory(new AccessProperties(null, null, null), NO_GROUPS);

        assertThat(directory.roleOf("U0123ABCD")).isEqualTo(Role.TIER1);
    }

    @Test
    void unmappedUserGetsTheConfiguredDefault() {
        RoleDirectory directory = new RoleDirectory(new AccessProperties(Map.of(), Map.of(), Role.TIER2), NO_GROUPS);

        assertThat(directory.roleOf("U0123ABCD")).isEqualTo(Role.TIER2);
    }

    @Test
    void mappedUserGetsTheirRole() {
        RoleDirectory directory =
                new RoleDirectory(new AccessProperties(Map.of("U0123ABCD", Role.TIER3), null, null), NO_GROUPS);

        assertThat(directory.roleOf("U0123ABCD")).isEqualTo(Role.TIER3);
        assertThat(directory.roleOf("U0456EFGH")).isEqualTo(Role.TIER1);
    }

    @Test
    void configuredUserIdMatchesInAnyCase() {
        // Spring lower-cases map keys bound from environment variables such as WATCHFLOOR_ACCESS_USERS_U0123ABCD.
        RoleDirectory directory =
                new RoleDirectory(new AccessProperties(Map.of("u0123abcd", Role.TIER2), null, null), NO_GROUPS);

        assertThat(directory.roleOf("U0123ABCD")).isEqualTo(Role.TIER2);
    }

    @Test
    void groupMemberGetsTheGroupRole() {
        GroupMembership membership = groupId -> groupId.equals("S0IRTEAM") ? Set.of("U0456EFGH") : Set.of();
        RoleDirectory directory =
                new RoleDirectory(new AccessProperties(null, Map.of("S0IRTEAM", Role.TIER3), null), membership);

        assertThat(directory.roleOf("U0456EFGH")).isEqualTo(Role.TIER3);
        assertThat(directory.roleOf("U0123ABCD")).isEqualTo(Role.TIER1);
    }

    @Test
    void highestOfUserAndGroupMappingWins() {
        GroupMembership membership = groupId -> Set.of("U0123ABCD");
        AccessProperties properties = new AccessProperties(
                Map.of("U0123ABCD", Role.TIER2),
                Map.of("S0ANALYSTS", Role.TIER1, "S0MANAGERS", Role.MANAGER, "S0IRTEAM", Role.TIER3),
                null);

        Role role = new RoleDirectory(properties, membership).roleOf("U0123ABCD");

        assertThat(role).isEqualTo(Role.MANAGER);
    }

    @Test
    void userMappingAboveTheGroupsWins() {
        GroupMembership membership = groupId -> Set.of("U0123ABCD");
        AccessProperties properties =
                new AccessProperties(Map.of("U0123ABCD", Role.ADMIN), Map.of("S0IRTEAM", Role.TIER3), null);

        assertThat(new RoleDirectory(properties, membership).roleOf("U0123ABCD"))
                .isEqualTo(Role.ADMIN);
    }

    @Test
    void defaultAboveTheUserMappingWins() {
        AccessProperties properties = new AccessProperties(Map.of("U0123ABCD", Role.TIER1), null, Role.TIER2);

        assertThat(new RoleDirectory(properties, NO_GROUPS).roleOf("U0123ABCD")).isEqualTo(Role.TIER2);
    }

    @Test
    void holdersIncludeHigherRolesAndListGroupsFirst() {
        AccessProperties properties = new AccessProperties(
                Map.of("U0123ABCD", Role.TIER2, "U0456EFGH", Role.TIER1, "U0789IJKL", Role.ADMIN),
                Map.of("S0IRTEAM", Role.TIER3, "S0ANALYSTS", Role.TIER1),
                null);

        var holders = new RoleDirectory(properties, NO_GROUPS).holdersOf(Role.TIER2);

        assertThat(holders)
                .containsExactlyInAnyOrder(
                        new RoleHolder("S0IRTEAM", true, Role.TIER3),
                        new RoleHolder("U0123ABCD", false, Role.TIER2),
                        new RoleHolder("U0789IJKL", false, Role.ADMIN));
        assertThat(holders.get(0).group()).isTrue();
    }

    @Test
    void holdersOfAnUnheldRoleAreEmpty() {
        AccessProperties properties = new AccessProperties(Map.of("U0123ABCD", Role.TIER2), null, null);

        assertThat(new RoleDirectory(properties, NO_GROUPS).holdersOf(Role.ADMIN))
                .isEmpty();
    }

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        assertThat(Role.ADMIN.includes(Role.TIER1)).isTrue();
        assertThat(Role.TIER2.includes(Role.TIER2)).isTrue();
        assertThat(Role.TIER2.includes(Role.TIER3)).isFalse();
    }
}
