package org.watchfloor.app;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.watchfloor.slack.MissingSlackSettingException;

/** Turns a missing Slack setting into Spring Boot's short start-up failure report instead of a stack trace. */
class MissingSlackSettingFailureAnalyzer extends AbstractFailureAnalyzer<MissingSlackSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSlackSettingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set the variable and start Watchfloor again.", cause);
    }
}
