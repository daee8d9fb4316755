package org.vrouter.api.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StickinessMethodAliasTest {
    @Test
    void acceptsCloudStacksSourceBasedName() {
        assertThat(StickinessPolicy.Method.fromWireName("method", "SourceBased")).isEqualTo(StickinessPolicy.Method.SOURCE);
        assertThat(StickinessPolicy.Method.fromWireName("method", "source")).isEqualTo(StickinessPolicy.Method.SOURCE);
    }
}
