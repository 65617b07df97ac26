package org.watchfloor.core.sla;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.watchfloor.core.ticket.Severity;

/**
 * SLA settings, under {@code watchfloor.sla}.
 *
 * @param policies deadlines per severity ({@code critical}, {@code high}, {@code medium}, {@code low}); each field
 *     that is not set keeps its default, so {@code WATCHFLOOR_SLA_POLICIES_HIGH_ACKNOWLEDGE=20s} changes one value
 * @param warningShare share of a window after which an at-risk warning is recorded, 0.8 by default
 */
@org.springframework.boot.context.properties.ConfigurationProperties("watchfloor.sla")
public record SlaProperties(Map<String, PolicySettings> policies, Double warningShare) {

    /** Defaults: CRITICAL 15 min / 30 min / 4 h, HIGH 30 min / 2 h / 24 h, MEDIUM 4 h / 8 h / 3 d, LOW 1 d / 2 d / 7 d. */
    static final Map<Severity, SlaPolicy> DEFAULTS = Map.of(
            Severity.CRITICAL, new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(4)),
            Severity.HIGH, new SlaPolicy(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(24)),
            Severity.MEDIUM, new SlaPolicy(Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(3)),
            Severity.LOW, new SlaPolicy(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7)));

    /** Overrides of one severity's deadlines; unset fields keep their defaults. */
    public record PolicySettings(Duration acknowledge, Duration update, Duration resolve) {}

    public SlaProperties {
        // Spring passes null for unset properties.
        policies = policies == null ? Map.of() : Map.copyOf(policies);
        warningShare = warningShare == null ? 0.8 : warningShare;
        if (warningShare <= 0 || warningShare >= 1) {
            throw new IllegalArgumentException(
                    "watchfloor.sla.warning-share must be between 0 and 1, for example" + " 0.8; got " + warningShare);
        }
        for (String name : policies.keySet()) {
            if (Severity.parse(name)
                    .filter(severity -> severity.name().equalsIgnoreCase(name))
                    .isEmpty()) {
                throw new IllegalArgumentException(
                        "Unknown severity in watchfloor.sla.policies." + name
                                + ": use critical, high, medium or low, for example watchfloor.sla.policies.high.acknowledge=30m");
            }
        }
    }

    /** Returns the effective policy of every severity, defaults filled in and each duration checked. */
    public Map<Severity, SlaPolicy> effectivePolicies() {
        Map<Severity, SlaPolicy> effective = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            SlaPolicy defaults = DEFAULTS.get(severity);
            PolicySettings set = policies.get(severity.name().toLowerCase(Locale.ROOT));
            String prefix = "watchfloor.sla.policies." + severity.name().toLowerCase(Locale.ROOT);
            effective.put(
                    severity,
                    new SlaPolicy(
                            positive(
                                    prefix + ".acknowledge",
                                    set == null ? null : set.acknowledge(),
                                    defaults.acknowledge()),
                            positive(prefix + ".update", set == null ? null : set.update(), defaults.update()),
                            positive(prefix + ".resolve", set == null ? null : set.resolve(), defaults.resolve())));
        }
        return effective;
    }

    private static Duration positive(String property, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    property + " must be a positive duration, for example 30m; got " + value);
        }
        return value;
    }
}
