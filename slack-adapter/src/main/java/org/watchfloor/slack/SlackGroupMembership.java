package org.watchfloor.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watchfloor.core.access.GroupMembership;

/**
 * Reads Slack user group members with {@code usergroups.users.list} (scope {@code usergroups:read}) and caches each
 * group for a few minutes, so that role checks do not call Slack on every command. A group that cannot be read
 * counts as empty, so its members fall back to their own or the default role.
 */
public class SlackGroupMembership implements GroupMembership {

    private static final Logger log = LoggerFactory.getLogger(SlackGroupMembership.class);

    private final Slack slack;
    private final @Nullable String token;
    private final Clock clock;
    private final Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SlackGroupMembership(Slack slack, @Nullable String token, Clock clock, Duration cacheFor) {
        this.slack = slack;
        this.token = token;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    private record Cached(Set<String> members, Instant readAt) {}

    @Override
    public Set<String> members(String groupId) {
        if (token == null) {
            return Set.of();
        }
        Cached cached = cache.get(groupId);
        if (cached != null && cached.readAt().plus(cacheFor).isAfter(clock.instant())) {
            return cached.members();
        }
        Set<String> members = read(groupId);
        cache.put(groupId, new Cached(members, clock.instant()));
        return members;
    }

    private Set<String> read(String groupId) {
        try {
            UsergroupsUsersListResponse response = slack.methods(token).usergroupsUsersList(r -> r.usergroup(groupId));
            if (response.isOk() && response.getUsers() != null) {
                return Set.copyOf(response.getUsers());
            }
            log.warn("Slack rejected usergroups.users.list group={} error={}", groupId, response.getError());
        } catch (IOException | SlackApiException e) {
            log.warn("Reading Slack user group failed group={} error={}", groupId, e.toString());
        }
        return Set.of();
    }
}
