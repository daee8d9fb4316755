package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * One user of a {@link VpnUserListPayload}. Both name and password become a whitespace-separated line of
 * {@code /etc/ppp/chap-secrets}, so neither may contain whitespace; the password is a {@link Secret}.
 *
 * @param add false: remove the user
 */
public record VpnUser(
        @JsonProperty("user") String user,
        @JsonProperty("password") Secret password,
        @JsonProperty("add") boolean add) {

    public VpnUser {
        FieldChecks.requireIdentifier("user", user);
        WireChecks.secretToken("password", password);
    }
}
