package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Resolution;

class CloseParserTests {

    private final ParserFixture parser = ParserFixture.plainKeys();

    @Test
    void closeWithSummaryParses() {
        Command command = parser.command("close INC-42 false_positive approved vendor app");

        assertThat(command)
                .isEqualTo(new Command.Close(
                        "INC-42", Resolution.FALSE_POSITIVE, "approved vendor app", null, null, null, false));
    }

    @ParameterizedTest
    @CsvSource({
        "tp, TRUE_POSITIVE",
        "true-positive, TRUE_POSITIVE",
        "BENIGN, BENIGN_POSITIVE",
        "bp, BENIGN_POSITIVE",
        "fp, FALSE_POSITIVE",
        "False_Positive, FALSE_POSITIVE"
    })
    void resolutionAcceptsAliases(String typed, Resolution expected) {
        assertThat(close("close INC-42 " + typed + " pentest traffic").resolution())
                .isEqualTo(expected);
    }

    @Test
    void rootCauseLessonsAndReviewAreOptions() {
        Command.Close close = close("close INC-42 true_positive Contained and cleaned"
                + " root:\"phished VPN password\" lessons:\"enforce phishing-resistant MFA\" pir:yes");

        assertThat(close.summary()).isEqualTo("Contained and cleaned");
        assertThat(close.rootCause()).isEqualTo("phished VPN password");
        assertThat(close.lessonsLearned()).isEqualTo("enforce phishing-resistant MFA");
        assertThat(close.pirNeeded()).isTrue();
    }

    @Test
    void optionsMayStandBeforeTheResolution() {
        Command.Close close = close("close INC-42 root_cause:phish lessons_learned:MFA tp Contained");

        assertThat(close.resolution()).isEqualTo(Resolution.TRUE_POSITIVE);
        assertThat(close.rootCause()).isEqualTo("phish");
        assertThat(close.lessonsLearned()).isEqualTo("MFA");
        assertThat(close.summary()).isEqualTo("Contained");
    }

    @Test
    void blankRootCauseCountsAsMissing() {
        assertThat(close("close INC-42 tp Contained root:\"  \"").rootCause()).isNull();
    }

    @Test
    void duplicateNamesTheOriginalAfterTheResolution() {
        Command.Close close = close("close INC-42 duplicate 41 same phishing wave");

        assertThat(close.resolution()).isEqualTo(Resolution.DUPLICATE);
        assertThat(close.duplicateOf()).isEqualTo("INC-41");
        assertThat(close.summary()).isEqualTo("same phishing wave");
    }

    @Test
    void duplicateMayNameTheOriginalAsAnOption() {
        Command.Close close = close("close INC-42 dup same phishing wave original:inc41");

        assertThat(close.duplicateOf()).isEqualTo("INC-41");
        assertThat(close.summary()).isEqualTo("same phishing wave");
    }

    @Test
    void duplicateWithoutOriginalIsRejected() {
        Problem problem = parser.problem("close INC-42 duplicate");

        assertThat(problem.field()).isEqualTo("original");
        assertThat(problem.value()).isNull();
        assertThat(problem.reason()).contains("original ticket");
    }

    @Test
    void summaryInPlaceOfOriginalIsRejected() {
        Problem problem = parser.problem("close INC-42 duplicate same phishing wave");

        assertThat(problem.field()).isEqualTo("original");
        assertThat(problem.value()).isEqualTo("same");
    }

    @Test
    void missingResolutionIsRejected() {
        Problem problem = parser.problem("close INC-42");

        assertThat(problem.field()).isEqualTo("resolution");
        assertThat(problem.value()).isNull();
        assertThat(problem.reason()).contains(Resolution.ACCEPTED_FORMS);
    }

    @Test
    void invalidResolutionIsRejected() {
        Problem problem = parser.problem("close INC-42 fixed all good");

        assertThat(problem.field()).isEqualTo("resolution");
        assertThat(problem.value()).isEqualTo("fixed");
        assertThat(problem.example()).isEqualTo("/incident close INC-42 false_positive approved vendor app");
    }

    @Test
    void missingSummaryIsRejected() {
        Problem problem = parser.problem("close INC-42 false_positive");

        assertThat(problem.field()).isEqualTo("summary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2"})
    void invalidReviewFlagIsRejected(String typed) {
        Problem problem = parser.problem("close INC-42 fp vendor app pir:" + typed);

        assertThat(problem.field()).isEqualTo("pir");
        assertThat(problem.value()).isEqualTo(typed);
    }

    @Test
    void rootCauseOverTheNoteLimitIsRejected() {
        Problem problem = parser.problem("close INC-42 tp cleaned root:" + "r".repeat(4001));

        assertThat(problem.field()).isEqualTo("root");
        assertThat(problem.reason()).contains("limit is 4000");
    }

    private Command.Close close(String text) {
        Command command = parser.command(text);

        assertThat(command).isInstanceOf(Command.Close.class);
        return (Command.Close) command;
    }
}
