package org.watchfloor.app.slack;

import java.util.List;

/** Gives tests outside this package a fake Slack Web API and the texts it received. */
public final class FakeSlackAccess implements AutoCloseable {

    private final FakeSlack slack = new FakeSlack();

    private FakeSlackAccess() {}

    public static FakeSlackAccess start() {
        return new FakeSlackAccess();
    }

    public String apiUrl() {
        return slack.apiUrl();
    }

    /** Returns the text of every chat.postMessage call that contains {@code fragment}. */
    public List<String> postsContaining(String fragment) {
        return slack.calls("chat.postMessage").stream()
                .map(call -> call.param("text"))
                .filter(text -> text.contains(fragment))
                .toList();
    }

    @Override
    public void close() {
        slack.close();
    }
}
