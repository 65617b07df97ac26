package org.watchfloor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchfloor.core.ticket.Problem;
import org.watchfloor.core.ticket.Tier;

/** Parsing of {@code oncall [tier]} and {@code oncall override <tier> <@user> <duration>}. */
class OnCallParserTests {

    private final ParserFixture parser = ParserFixture.plainKeys();

    @Test
    void oncallAloneShowsEveryTier() {
        assertThat(parser.command("oncall")).isEqualTo(new Command.OnCall(null));
    }

    @Test
    void oncallWithTierShowsThatTier() {
        assertThat(parser.command("oncall tier2")).isEqualTo(new Command.OnCall(Tier.TIER2));
    }

    @Test
    void oncallTierAcceptsAliases() {
        assertThat(parser.command("oncall ir")).isEqualTo(new Command.OnCall(Tier.TIER3));
        assertThat(parser.command("ONCALL mgmt")).isEqualTo(new Command.OnCall(Tier.MANAGEMENT));
    }

    @Test
    void onCallWithDashIsAnAlias() {
        assertThat(parser.command("on-call tier1")).isEqualTo(new Command.OnCall(Tier.TIER1));
    }

    @Test
    void oncallUnknownTierIsRejected() {
        Problem problem = parser.problem("oncall tier9");

        assertThat(problem.field()).isEqualTo("tier");
        assertThat(problem.value()).isEqualTo("tier9");
        assertThat(problem.reason()).contains("tier1, tier2, tier3").contains("override");
        assertThat(problem.example()).isEqualTo("/incident oncall tier2");
    }

    @Test
    void oncallTextAfterTierIsRejected() {
        Problem problem = parser.problem("oncall tier2 please");

        assertThat(problem.field()).isEqualTo("arguments");
        assertThat(problem.value()).isEqualTo("please");
        assertThat(problem.reason()).isEqualTo("Unexpected text after the tier.");
    }

    @Test
    void overrideParses() {
        assertThat(parser.command("oncall override tier2 <@U0123ABCD> 2h"))
                .isEqualTo(new Command.OnCallOverride(Tier.TIER2, "U0123ABCD", Duration.ofHours(2)));
    }

    @Test
    void overrideAcceptsMentionWithName() {
        assertThat(parser.command("oncall Override ir <@U0123ABCD|dana> 30m"))
                .isEqualTo(new Command.OnCallOverride(Tier.TIER3, "U0123ABCD", Duration.ofMinutes(30)));
    }

    @ParameterizedTest
    @CsvSource({"30m, PT30M", "2h, PT2H", "1d, PT24H", "1h30m, PT1H30M", "1d12h, PT36H", "90M, PT1H30M", "7d, PT168H"})
    void overrideDurationsParse(String typed, Duration expected) {
        Command command = parser.command("oncall override tier1 <@U0123ABCD> " + typed);

        assertThat(((Command.OnCallOverride) command).duration()).isEqualTo(expected);
    }

    @Test
    void overrideWithoutTierIsRejected() {
        Problem problem = parser.problem("oncall override");

        assertThat(problem.field()).isEqualTo("tier");
        assertThat(problem.value()).isNull();
        assertThat(problem.reason()).startsWith("Missing tier.");
        assertThat(problem.example()).isEqualTo(OnCallParser.OVERRIDE_EXAMPLE);
    }

    @Test
    void overrideUnknownTierIsRejected() {
        Problem problem = parser.problem("oncall override tier5 <@U0123ABCD> 2h");

        assertThat(problem.field()).isEqualTo("tier");
        assertThat(problem.value()).isEqualTo("tier5");
        assertThat(problem.reason()).startsWith("Unknown tier.");
        assertThat(problem.example()).isEqualTo("/incident oncall override tier2 @analyst 2h");
    }

    @Test
    void overrideWithoutUserIsRejected() {
        Problem problem = parser.problem("oncall override tier2");

        assertThat(problem.field()).isEqualTo("user");
        assertThat(problem.value()).isNull();
        assertThat(problem.reason()).startsWith("Missing user.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dana", "@dana", "me", "<#C0123ABCD>", "<!subteam^S0123ABCD>"})
    void overrideUserMustBeAMention(String typed) {
        Problem problem = parser.problem("oncall override tier2 " + typed + " 2h");

        assertThat(problem.field()).isEqualTo("user");
        assertThat(problem.value()).isEqualTo(typed);
        assertThat(problem.reason()).contains("Mention the person who takes over");
        assertThat(problem.example()).isEqualTo(OnCallParser.OVERRIDE_EXAMPLE);
    }

    @Test
    void overrideWithoutDurationIsRejected() {
        Problem problem = parser.problem("oncall override tier2 <@U0123ABCD>");

        assertThat(problem.field()).isEqualTo("duration");
        assertThat(problem.value()).isNull();
        assertThat(problem.reason()).startsWith("Missing duration.").contains("30m, 2h, 1d or 1h30m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "two-hours", "2x", "30m1h", "1.5h", "h", "-2h", "PT2H", "123456m"})
    void overrideInvalidDurationIsRejected(String typed) {
        Problem problem = parser.problem("oncall override tier2 <@U0123ABCD> " + typed);

        assertThat(problem.field()).isEqualTo("duration");
        assertThat(problem.value()).isEqualTo(typed);
        assertThat(problem.reason()).contains("such as 30m, 2h, 1d or 1h30m");
        assertThat(problem.example()).isEqualTo(OnCallParser.OVERRIDE_EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0m", "0h0m", "0d"})
    void overrideZeroDurationIsRejected(String typed) {
        Problem problem = parser.problem("oncall override tier2 <@U0123ABCD> " + typed);

        assertThat(problem.field()).isEqualTo("duration");
        assertThat(problem.value()).isEqualTo(typed);
        assertThat(problem.reason()).contains("longer than zero");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8d", "7d1m", "169h", "10081m"})
    void overrideLongerThanSevenDaysIsRejected(String typed) {
        Problem problem = parser.problem("oncall override tier2 <@U0123ABCD> " + typed);

        assertThat(problem.field()).isEqualTo("duration");
        assertThat(problem.value()).isEqualTo(typed);
        assertThat(problem.reason()).contains("at most 7 days");
    }

    @Test
    void overrideTextAfterDurationIsRejected() {
        Problem problem = parser.problem("oncall override tier2 <@U0123ABCD> 2h covering for Sam");

        assertThat(problem.field()).isEqualTo("arguments");
        assertThat(problem.value()).isEqualTo("covering for Sam");
        assertThat(problem.reason()).isEqualTo("Unexpected text after the duration.");
    }

    @Test
    void helpCoversOncall() {
        assertThat(parser.command("help oncall")).isEqualTo(new Command.Help("oncall"));
    }

    @Test
    void mistypedOncallSuggestsIt() {
        Problem problem = parser.problem("oncal tier2");

        assertThat(problem.reason()).isEqualTo("Unknown command. Did you mean oncall?");
    }
}
