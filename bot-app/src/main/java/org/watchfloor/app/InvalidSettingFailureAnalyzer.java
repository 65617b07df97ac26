package org.watchfloor.app;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid {@code watchfloor.*} setting, found while the application starts, into Spring Boot's short
 * start-up failure report. The settings' own checks write messages that name the property and a valid example.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<IllegalArgumentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IllegalArgumentException cause) {
        String message = cause.getMessage();
        if (message == null || !message.contains("watchfloor.")) {
            // Not one of our settings checks; let Spring Boot report it as usual.
            return null;
        }
        return new FailureAnalysis(
                message, "Fix the setting, or remove it to use the default, and start again.", cause);
    }
}
