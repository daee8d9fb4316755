package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * One remote-access VPN user to add or remove: CloudStack's {@code VpnUsersCfgCommand.UsernamePassword},
 * an element of {@code VpnUsersCfgCommand}; on the wire one element of {@code vpn_users} in
 * {@code vpn_user_list.json} ({@code user}, {@code password}, {@code add}).
 *
 * <p>The router writes {@code <user> * <password> *} lines to {@code /etc/ppp/chap-secrets}, so
 * the user name is a token (letters, digits, {@code . _ @ -}) and the password holds no whitespace,
 * quotes, backslash or control characters. The password never appears in {@link #toString()}.
 */
public record VpnUserTO(String username, Secret password, boolean add) {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public VpnUserTO {
        if (username == null) {
            throw new InvalidParameterException("user", "is missing");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidParameterException("user", "must be letters, digits, '.', '_', '@' or '-' (at most 64)", username);
        }
        requireNonNull(password, "password is null");
        String text = password.reveal();
        if (text.isEmpty()) {
            throw new InvalidParameterException("password", "is empty");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidParameterException("password", "must not contain whitespace");
        }
        FieldChecks.requireSafeSecret("password", text);
    }

    public static VpnUserTO add(String username, Secret password) {
        return new VpnUserTO(username, password, true);
    }

    public static VpnUserTO remove(String username, Secret password) {
        return new VpnUserTO(username, password, false);
    }
}
