package org.vrouter.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vrouter.api.error.InvalidParameterException;

class FieldChecksTest {
    @Test
    void safeTextAcceptsOrdinaryTextAndEmpty() {
        assertThat(FieldChecks.requireSafeText("zone_name", "Zone 1 (Frankfurt) - 50%")).isEqualTo("Zone 1 (Frankfurt) - 50%");
        assertThat(FieldChecks.requireSafeText("zone_name", "")).isEmpty();
        assertThat(FieldChecks.requireSafeText("price", "costs $5, or $")).as("a dollar not opening a substitution").isNotNull();
    }

    @Test
    void safeTextRejectsNewline() {
        assertInvalid(() -> FieldChecks.requireSafeText("host_name", "web\nserver"), "host_name")
                .hasMessageContaining("control characters")
                .hasMessageContaining("web\\nserver")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"it's", "say \"hi\"", "a\\b", "run `id`"})
    void safeTextRejectsQuotesBackslashAndBacktick(String value) {
        assertInvalid(() -> FieldChecks.requireSafeText("description", value), "description").hasMessageContaining("quotes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$(reboot)", "x${IFS}y"})
    void safeTextRejectsCommandAndVariableSubstitution(String value) {
        assertInvalid(() -> FieldChecks.requireSafeText("description", value), "description").hasMessageContaining("'$('");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tab\there", "nul\u0000", "del\u007f", "cr\r"})
    void safeTextRejectsOtherControlCharacters(String value) {
        assertInvalid(() -> FieldChecks.requireSafeText("description", value), "description");
    }

    @Test
    void safeSecretNeverShowsTheValue() {
        assertThatThrownBy(() -> FieldChecks.requireSafeSecret("password", "pa'ss"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("password: ")
                .hasMessageNotContaining("pa'ss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-01", "web01.example.com", "a", "x1.y2.z3.", "0day"})
    void acceptsHostNames(String name) {
        assertThat(FieldChecks.requireHostName("host_name", name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web,01", "web\n01", "-web", "web-", "web_01", "web 01", "web..example", ".web", "web;reboot"})
    void rejectsHostNamesWithCommaNewlineLeadingDashAndFriends(String name) {
        assertInvalid(() -> FieldChecks.requireHostName("host_name", name), "host_name").hasMessageContaining("not a host name");
    }

    @Test
    void rejectsOverlongHostNamesAndLabels() {
        assertInvalid(() -> FieldChecks.requireHostName("host_name", "a".repeat(64)), "host_name");
        assertInvalid(() -> FieldChecks.requireHostName("host_name", ("a".repeat(60) + ".").repeat(5)), "host_name").hasMessageContaining("253");
    }

    @Test
    void rejectsMissingAndBlankValues() {
        assertInvalid(() -> FieldChecks.requireNonBlank("name", null), "name").hasMessageContaining("is missing");
        assertInvalid(() -> FieldChecks.requireNonBlank("name", "  "), "name").hasMessageContaining("is blank");
        assertInvalid(() -> FieldChecks.requireHostName("host_name", ""), "host_name");
    }

    @Test
    void identifiersAllowTokensButNoWhitespaceOrLeadingPunctuation() {
        assertThat(FieldChecks.requireIdentifier("uuid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301")).isNotNull();
        assertThat(FieldChecks.requireIdentifier("user", "alice@example.com")).isNotNull();
        assertInvalid(() -> FieldChecks.requireIdentifier("uuid", "-rf"), "uuid");
        assertInvalid(() -> FieldChecks.requireIdentifier("uuid", "a b"), "uuid");
        assertInvalid(() -> FieldChecks.requireIdentifier("uuid", "a".repeat(256)), "uuid");
    }

    @Test
    void portsRunFrom1To65535() {
        assertThat(FieldChecks.requirePort("port", 1)).isEqualTo(1);
        assertThat(FieldChecks.requirePort("port", 65535)).isEqualTo(65535);
        assertInvalid(() -> FieldChecks.requirePort("lb_port", 0), "lb_port").hasMessageContaining("between 1 and 65535");
        assertInvalid(() -> FieldChecks.requirePort("lb_port", 65536), "lb_port");
    }

    @Test
    void rangesAndSigns() {
        assertThat(FieldChecks.requireRange("mtu", 1500, 68, 65535)).isEqualTo(1500);
        assertInvalid(() -> FieldChecks.requireRange("mtu", 67, 68, 65535), "mtu").hasMessageContaining("between 68 and 65535");
        assertInvalid(() -> FieldChecks.requireNonNegative("count", -1), "count");
        assertInvalid(() -> FieldChecks.requirePositive("network_id", 0), "network_id").hasMessageContaining("must be positive");
    }
}
