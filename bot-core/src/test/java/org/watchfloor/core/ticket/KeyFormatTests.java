package org.watchfloor.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyFormatTests {

    private static final Instant NOW = Instant.parse("2026-03-06T14:00:00Z");

    /** 11:30 UTC on New Year's Eve is already 00:30 on 1 January 2027 in Auckland (UTC+13 in summer). */
    private static final Instant NEW_YEARS_EVE = Instant.parse("2026-12-31T11:30:00Z");

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private final KeyFormat plain = KeyFormat.parse("INC-{seq}", ZoneOffset.UTC);
    private final KeyFormat yearly = KeyFormat.parse("INC-{year}-{seq:4}", ZoneOffset.UTC);

    @Test
    void plainFormatWritesPrefixAndNumber() {
        String key = plain.format(NOW, 1042);

        assertThat(key).isEqualTo("INC-1042");
    }

    @Test
    void yearlyFormatPadsTheNumber() {
        String key = yearly.format(NOW, 42);

        assertThat(key).isEqualTo("INC-2026-0042");
    }

    @Test
    void yearlyFormatKeepsNumbersWiderThanThePadding() {
        String key = yearly.format(NOW, 12345);

        assertThat(key).isEqualTo("INC-2026-12345");
    }

    @Test
    void lowerCasePrefixIsWrittenInUpperCase() {
        KeyFormat format = KeyFormat.parse("sec-{seq}", ZoneOffset.UTC);

        assertThat(format.format(NOW, 7)).isEqualTo("SEC-7");
    }

    @Test
    void exampleUsesNumberFortyTwo() {
        assertThat(plain.example(NOW)).isEqualTo("INC-42");
        assertThat(yearly.example(NOW)).isEqualTo("INC-2026-0042");
    }

    @Test
    void plainFormatUsesOneCounter() {
        assertThat(plain.counterName(NOW)).isEqualTo("INC");
        assertThat(plain.counterName(NEW_YEARS_EVE.plusSeconds(86_400))).isEqualTo("INC");
    }

    @Test
    void yearlyFormatUsesOneCounterPerYear() {
        assertThat(yearly.counterName(NOW)).isEqualTo("INC-2026");
    }

    @Test
    void yearStartsInTheConfiguredZone() {
        KeyFormat inAuckland = KeyFormat.parse("INC-{year}-{seq:4}", AUCKLAND);

        assertThat(inAuckland.counterName(NEW_YEARS_EVE)).isEqualTo("INC-2027");
        assertThat(inAuckland.format(NEW_YEARS_EVE, 1)).isEqualTo("INC-2027-0001");
        assertThat(yearly.counterName(NEW_YEARS_EVE)).isEqualTo("INC-2026");
    }

    @Test
    void zoneBehindUtcKeepsTheOldYear() {
        KeyFormat inNewYork = KeyFormat.parse("INC-{year}-{seq:4}", ZoneId.of("America/New_York"));
        Instant newYearInUtc = Instant.parse("2027-01-01T03:00:00Z");

        assertThat(inNewYork.counterName(newYearInUtc)).isEqualTo("INC-2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INC-42", "inc-42", "INC-0042", "42", "0042", "inc42", "INC42", "INC0000042", " INC-42 "})
    void plainFormatResolvesEveryAcceptedForm(String typed) {
        assertThat(plain.resolve(typed, NOW)).contains("INC-42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INC-2026-0042", "inc-2026-42", "INC-2026-000042"})
    void yearlyFormatResolvesFullKeyOfAnyYear(String typed) {
        assertThat(yearly.resolve(typed, NOW)).contains("INC-2026-0042");
    }

    @Test
    void fullKeyKeepsTheTypedYear() {
        assertThat(yearly.resolve("INC-2025-0042", NOW)).contains("INC-2025-0042");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "inc42", "INC0000042", "INC-42"})
    void yearlyFormatReadsShortFormsAsTheCurrentYear(String typed) {
        assertThat(yearly.resolve(typed, NOW)).contains("INC-2026-0042");
    }

    @Test
    void shortFormsUseTheZoneYear() {
        KeyFormat inAuckland = KeyFormat.parse("INC-{year}-{seq:4}", AUCKLAND);

        assertThat(inAuckland.resolve("42", NEW_YEARS_EVE)).contains("INC-2027-0042");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "INC-", "0", "INC-x42", "CHG-42", "JIRA-123", "INC-42-1", "1234567890"})
    void plainFormatRejectsOtherText(String typed) {
        assertThat(plain.resolve(typed, NOW)).isEmpty();
    }

    @Test
    void plainFormatRejectsAYearlyKey() {
        assertThat(plain.resolve("INC-2026-0042", NOW)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"INC-{seq}, INC-{seq}", "INC-{year}-{seq:4}, INC-{year}-{seq:4}"})
    void patternIsKeptAsConfigured(String pattern, String expected) {
        assertThat(KeyFormat.parse(pattern, ZoneOffset.UTC).pattern()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{seq}", "INC{seq}", "INC-{year}", "INC-{seq:10}", "INC-{seq:0}", "-{seq}", "INC-{sequence}"})
    void invalidFormatIsRejectedWithAnExample(String pattern) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyFormat.parse(pattern, ZoneOffset.UTC))
                .withMessageContaining(pattern)
                .withMessageContaining("INC-{year}-{seq:4}");
    }
}
