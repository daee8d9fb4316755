package org.vrouter.api.vpn;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.WireNames;

/**
 * A remote-access VPN user. Name and password land in {@code chap-secrets}, so both are limited to
 * CloudStack's character sets: the user name 3 to 64 characters of letters, digits and
 * {@code @ . _ -}; the password 3 to 32 of letters, digits and {@code @ + = . _ -}; both start with
 * a letter or digit.
 *
 * @param state Add and Active users are configured; Revoke users are removed
 */
public record VpnUser(String username, Secret password, State state) {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._-]{2,63}");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@+=._-]{2,31}");

    /** Where the user is in its life (CloudStack's {@code VpnUser.State}). */
    public enum State {
        ADD("Add"),
        ACTIVE("Active"),
        REVOKE("Revoke");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static State fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), State::wireName);
        }
    }

    public VpnUser {
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(state, "state is null");
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidParameterException("user", "must be 3 to 64 letters, digits or @ . _ - starting with a letter or digit", username);
        }
        if (!PASSWORD.matcher(password.reveal()).matches()) {
            throw new InvalidParameterException("password", "must be 3 to 32 letters, digits or @ + = . _ - starting with a letter or digit");
        }
    }

    /** A user to add. */
    public static VpnUser of(String username, Secret password) {
        return new VpnUser(username, password, State.ADD);
    }

    /** Whether the user is being removed ({@code add: false} on the wire). */
    public boolean isRevoked() {
        return state == State.REVOKE;
    }
}
