package org.watchfloor.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.convert.ConversionFailedException;

/**
 * Reports a {@code watchfloor.*} setting whose value is not one of its enum's constants, such as an unknown tier in
 * {@code watchfloor.escalation.severity-tiers} or an unknown role in {@code watchfloor.access.users}. The binder's own
 * message names only the Java constant it looked for, so this names the property, the value and the accepted values.
 */
class InvalidEnumSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        String property = String.valueOf(cause.getName());
        String origin = "";
        if (cause.getProperty() != null && cause.getProperty().getOrigin() != null) {
            origin = " (from " + cause.getProperty().getOrigin() + ")";
        }
        ConversionFailedException conversion = findCause(cause, ConversionFailedException.class);
        if (conversion == null || !property.startsWith("watchfloor.")) {
            return null;
        }
        Class<?> type = conversion.getTargetType().getType();
        if (!type.isEnum()) {
            return null;
        }

        String accepted = Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        String example = ((Enum<?>) type.getEnumConstants()[0]).name().toLowerCase(Locale.ROOT);
        String description = "Invalid value '" + conversion.getValue() + "' for " + property + origin + ": use one of "
                + accepted + ", for example " + property + "=" + example;
        return new FailureAnalysis(
                description, "Fix the setting, or remove it to use the default, and start again.", cause);
    }
}
