package io.idcardstream.serde;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code Authorization} header a registry client sends: none, HTTP basic ({@code user:password}) or a bearer
 * token (an OAuth access token or a registry API key issued as one). {@link #toString()} never shows the secret.
 */
public final class RegistryAuthorization {
    private static final RegistryAuthorization NONE = new RegistryAuthorization(null, "none");

    private final String header;
    private final String kind;

    private RegistryAuthorization(String header, String kind) {
        this.header = header;
        this.kind = kind;
    }

    public static RegistryAuthorization none() {
        return NONE;
    }

    /** @throws IllegalArgumentException unless {@code userInfo} is {@code user:password} with a non-empty user */
    public static RegistryAuthorization basic(String userInfo) {
        if (userInfo == null || userInfo.indexOf(':') < 1) {
            throw new IllegalArgumentException("basic auth user info must be user:password with a non-empty user");
        }
        return new RegistryAuthorization("Basic " + Base64.getEncoder().encodeToString(
                userInfo.getBytes(StandardCharsets.UTF_8)), "basic");
    }

    /** @throws IllegalArgumentException for a blank token or one that could not travel in a header */
    public static RegistryAuthorization bearer(String token) {
        if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("the bearer token must be non-empty printable ASCII without spaces");
        }
        return new RegistryAuthorization("Bearer " + token, "bearer");
    }

    /** The header's value, when there is one. */
    Optional<String> header() {
        return Optional.ofNullable(header);
    }

    @Override
    public String toString() {
        return kind;
    }
}
