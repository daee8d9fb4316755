package org.vrouter.api.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void printsAsStarsAndRevealsOnRequest() {
        Secret secret = Secret.of("hunter2");
        assertThat(secret).hasToString("****");
        assertThat(secret.reveal()).isEqualTo("hunter2");
        assertThat(secret).isEqualTo(Secret.of("hunter2")).isNotEqualTo(Secret.of("hunter3"));
    }
}
