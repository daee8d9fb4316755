package org.vrouter.api.bootargs;

/**
 * One {@code key=value} token of the boot-argument line, validated by key (see {@link BootArgs}).
 * {@code toString()} masks the value of secret keys ({@link BootArgKeys#SECRET_KEYS}).
 */
public record BootArg(String key, String value) {
    public BootArg {
        BootArgRules.check(key, value);
    }

    /** The token as it appears on the line: {@code key=value}, secrets included. */
    public String token() {
        return key + "=" + value;
    }

    @Override
    public String toString() {
        return BootArgKeys.isSecret(key) ? key + "=****" : token();
    }
}
