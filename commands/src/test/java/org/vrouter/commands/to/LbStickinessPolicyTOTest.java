package org.vrouter.commands.to;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vrouter.api.error.InvalidParameterException;

class LbStickinessPolicyTOTest {

    @Test
    void readsCloudStacksSourceMethodWithDefaults() {
        LbStickinessPolicyTO policy = LbStickinessPolicyTO.fromCloudStack("source", List.of());

        assertThat(policy).isEqualTo(new SourceStickinessTO("200k", "30m"));
        assertThat(policy.methodName()).isEqualTo("Source");
    }

    @Test
    void readsParameterNamesInAnyCase() {
        LbStickinessPolicyTO policy = LbStickinessPolicyTO.fromCloudStack("Source",
                List.of(Map.entry("TableSize", "1m"), Map.entry("EXPIRE", "2h")));

        assertThat(policy).isEqualTo(new SourceStickinessTO("1m", "2h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "m", "3x", "-5m", "+5m", "1.5h", "30 m", "25d", "0s"})
    void rejectsSourceExpireOutsideNumberPlusUnit(String expire) {
        assertThatThrownBy(() -> new SourceStickinessTO("200k", expire))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("expire:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"200", "k", "200t", "-1k", "0k", "4g", "4194304k"})
    void rejectsTableSizeOutsideNumberPlusKmgOrBeyondHaproxysLimit(String size) {
        assertThatThrownBy(() -> new SourceStickinessTO(size, "30m"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("tablesize:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3h", "180", "2147483647", "24d"})
    void acceptsAppCookieHoldTimeWithOrWithoutUnit(String holdTime) {
        assertThat(AppCookieStickinessTO.defaults().withLimits(52, holdTime).holdTime()).isEqualTo(holdTime);
    }

    @Test
    void rejectsAppCookieLengthThatIsNotANumber() {
        assertThatThrownBy(() -> LbStickinessPolicyTO.fromCloudStack("AppCookie", List.of(Map.entry("length", "52b"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("length:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSESSION ID", "a#b", "a\"b", "x\ny", "", "-lead", "a;b"})
    void rejectsUnsafeCookieNames(String name) {
        assertThatThrownBy(() -> LbCookieStickinessTO.defaults().withCookieName(name))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("cookie-name:");
    }

    @Test
    void rejectsRewriteModeWithIndirectAsHaproxyDoes() {
        assertThatThrownBy(() -> LbCookieStickinessTO.defaults().withFlags(LbCookieStickinessTO.Mode.REWRITE, true, false, false))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("indirect");
    }

    @Test
    void rejectsAnInvalidCookieDomain() {
        assertThatThrownBy(() -> LbCookieStickinessTO.defaults().withDomains("bad domain"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("domain:");
    }

    @Test
    void rejectsUnknownMethodAndUnknownParameter() {
        assertThatThrownBy(() -> LbStickinessPolicyTO.fromCloudStack("Cookie", List.of()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("unknown method");
        assertThatThrownBy(() -> LbStickinessPolicyTO.fromCloudStack("LbCookie", List.of(Map.entry("holdtime", "3h"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("holdtime: not a parameter of stickiness method LbCookie");
    }

    @Test
    void turnsAFlagOnWhenPresentWhateverItsValueAsCloudStackDoes() {
        LbStickinessPolicyTO policy = LbStickinessPolicyTO.fromCloudStack("LbCookie",
                List.of(Map.entry("indirect", "false"), Map.entry("nocache", "")));

        assertThat(policy).isEqualTo(LbCookieStickinessTO.defaults().withFlags(LbCookieStickinessTO.Mode.INSERT, true, true, false));
    }

    @Test
    void roundTripsThroughCloudStacksParameterPairs() {
        List<LbStickinessPolicyTO> policies = List.of(
                LbCookieStickinessTO.defaults().withCookieName("SRV").withFlags(LbCookieStickinessTO.Mode.PREFIX, true, true, true)
                        .withDomains(".a.example", "b.example"),
                AppCookieStickinessTO.defaults().withCookieName("PHPSESSID").withLimits(10, "90s")
                        .withFlags(true, true, Optional.of(AppCookieStickinessTO.Mode.PATH_PARAMETERS)),
                new SourceStickinessTO("3g", "24d"));

        for (LbStickinessPolicyTO policy : policies) {
            assertThat(LbStickinessPolicyTO.fromCloudStack(policy.methodName(), policy.params())).isEqualTo(policy);
        }
    }

    @Test
    void readsCookieModesInAnyCaseAndRejectsUnknownOnes() {
        assertThat(LbCookieStickinessTO.Mode.fromWireName("mode", "Rewrite")).isEqualTo(LbCookieStickinessTO.Mode.REWRITE);
        assertThat(AppCookieStickinessTO.Mode.fromWireName("mode", "QUERY-STRING")).isEqualTo(AppCookieStickinessTO.Mode.QUERY_STRING);
        assertThatThrownBy(() -> LbCookieStickinessTO.Mode.fromWireName("mode", "append"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("mode: unknown cookie mode");
        assertThatThrownBy(() -> AppCookieStickinessTO.Mode.fromWireName("mode", "cookie"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("mode: unknown mode");
    }
}
