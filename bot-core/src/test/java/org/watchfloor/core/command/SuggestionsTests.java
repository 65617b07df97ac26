package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SuggestionsTests {

    private static final List<String> COMMANDS =
            CommandHelp.entries().stream().map(CommandHelp.Entry::name).toList();

    @ParameterizedTest
    @CsvSource({
        "escalte, escalate",
        "escalat, escalate",
        "shwo, show",
        "timelin, timeline",
        "reopn, reopen",
        "stauts, status",
        "lsit, list",
        "esc, escalate",
        "deesc, deescalate"
    })
    void typoSuggestsTheClosestCommand(String typed, String expected) {
        assertThat(Suggestions.closest(typed, COMMANDS)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "incident", "xyzzyq"})
    void wordFarFromEveryCommandSuggestsNothing(String typed) {
        assertThat(Suggestions.closest(typed, COMMANDS)).isEmpty();
    }

    @Test
    void tieGoesToTheFirstCandidate() {
        assertThat(Suggestions.closest("cat", List.of("bat", "hat"))).contains("bat");
    }

    @Test
    void emptyCandidateListSuggestsNothing() {
        assertThat(Suggestions.closest("ack", List.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"kitten, sitting, 3", "ack, ack, 0", "'', note, 4", "escalte, escalate, 1", "flaw, lawn, 2"})
    void distanceCountsSingleCharacterEdits(String a, String b, int expected) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(expected);
        assertThat(Suggestions.distance(b, a)).isEqualTo(expected);
    }
}
