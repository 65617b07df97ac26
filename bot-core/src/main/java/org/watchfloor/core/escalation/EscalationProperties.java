package org.watchfloor.core.escalation;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.watchfloor.core.ticket.Category;
import org.watchfloor.core.ticket.Severity;
import org.watchfloor.core.ticket.Tier;

/**
 * Escalation rules, under {@code watchfloor.escalation}.
 *
 * @param severityTiers the lowest tier for tickets of a severity, by default {@code critical: tier3}
 * @param categoryTiers the lowest tier for tickets of a category, by default {@code data_exfiltration: tier3}
 */
@ConfigurationProperties("watchfloor.escalation")
public record EscalationProperties(Map<String, Tier> severityTiers, Map<String, Tier> categoryTiers) {

    public EscalationProperties {
        // Spring passes null for unset properties.
        severityTiers = severityTiers == null ? Map.of("critical", Tier.TIER3) : Map.copyOf(severityTiers);
        categoryTiers = categoryTiers == null ? Map.of("data_exfiltration", Tier.TIER3) : Map.copyOf(categoryTiers);
    }

    /** Returns the severity rules, each name checked. */
    public Map<Severity, Tier> severityRules() {
        Map<Severity, Tier> rules = new EnumMap<>(Severity.class);
        severityTiers.forEach((name, tier) -> rules.put(
                Severity.parse(name)
                        .orElseThrow(() -> new IllegalArgumentException("Unknown severity in"
                                + " watchfloor.escalation.severity-tiers." + name + ": use critical, high, medium or"
                                + " low, for example watchfloor.escalation.severity-tiers.critical=tier3")),
                tier));
        return rules;
    }

    /** Returns the category rules, each name checked. */
    public Map<Category, Tier> categoryRules() {
        Map<Category, Tier> rules = new EnumMap<>(Category.class);
        categoryTiers.forEach((name, tier) -> rules.put(
                Category.parse(name.toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> new IllegalArgumentException("Unknown category in"
                                + " watchfloor.escalation.category-tiers." + name + ": use one of "
                                + Category.acceptedForms() + ", for example"
                                + " watchfloor.escalation.category-tiers.data_exfiltration=tier3")),
                tier));
        return rules;
    }
}
