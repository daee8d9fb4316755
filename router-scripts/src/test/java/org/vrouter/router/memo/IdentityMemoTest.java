package org.vrouter.router.memo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class IdentityMemoTest {
    private final List<String> derived = new ArrayList<>();
    private final IdentityMemo<String, String> memo = new IdentityMemo<>();

    @Test
    void derivesOnlyWhatTheLastRoundDidNotSee() {
        String a = new String("a");
        String b = new String("b");
        memo.start("context");
        memo.get(a, this::derive);
        memo.start("context");

        assertThat(memo.get(a, this::derive)).isEqualTo("A");
        assertThat(memo.get(b, this::derive)).isEqualTo("B");
        assertThat(derived).containsExactly("a", "b");
    }

    @Test
    void forgetsValuesOfAnotherContextAndValuesNotSeenInTheLastRound() {
        String a = new String("a");
        memo.start("one");
        memo.get(a, this::derive);
        memo.start("two");
        memo.get(a, this::derive);
        memo.start("two");
        memo.start("two");
        memo.get(a, this::derive);

        assertThat(derived).containsExactly("a", "a", "a");
    }

    @Test
    void keysByIdentityNotByEquality() {
        memo.start("context");
        memo.get(new String("a"), this::derive);
        memo.start("context");
        memo.get(new String("a"), this::derive);

        assertThat(derived).hasSize(2);
    }

    private String derive(String source) {
        derived.add(source);
        return source.toUpperCase(java.util.Locale.ROOT);
    }
}
