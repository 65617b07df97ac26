package org.watchfloor.slack;

/** Thrown at start-up when a required Slack setting is missing; its message explains how to set it. */
public class MissingSlackSettingException extends RuntimeException {

    public MissingSlackSettingException(String message) {
        super(message);
    }
}
