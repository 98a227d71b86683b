package io.idcardstream.server;

import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Function;

/**
 * Authenticates a Tencent Cloud API 3.0 request signed with TC3-HMAC-SHA256, in the order of the research
 * note's checklist (tencent-api.md section 5): malformed {@code Authorization} →
 * {@code AuthFailure.InvalidAuthorization}; unknown SecretId → {@code AuthFailure.SecretIdNotFound};
 * missing {@code X-TC-Timestamp} → {@code MissingParameter}, not a number → {@code InvalidParameter};
 * more than 5 minutes from the server clock → {@code AuthFailure.SignatureExpire}; scope date not the
 * timestamp's UTC date, or a different signature → {@code AuthFailure.SignatureFailure}. Signatures are
 * compared in constant time.
 *
 * <p>Threading notes: immutable and thread-safe.
 */
final class Tc3Verifier {
    /** The API's tolerance between {@code X-TC-Timestamp} and the server clock. */
    static final long MAX_CLOCK_SKEW_SECONDS = 300;

    private static final String SIGNATURE_FAILURE_MESSAGE =
            "The provided credentials could not be validated. Please check your signature is correct.";

    private final ApiKeys keys;
    private final Clock clock;

    Tc3Verifier(ApiKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param header the request header of a given name (case-insensitive), or null
     * @return the authenticated SecretId
     * @throws OcrException with the API's code when the request is not authentic
     */
    String verify(String method, Function<String, String> header, byte[] body) throws OcrException {
        return verify(method, "", header, body);
    }

    /**
     * As {@link #verify(String, Function, byte[])} for a request with a query string ({@code GET /?…}), signed
     * as sent.
     */
    String verify(String method, String rawQuery, Function<String, String> header, byte[] body)
            throws OcrException {
        Tc3Authorization authorization = Tc3Authorization.parse(header.apply("Authorization"));
        String secretKey = keys.secretKey(authorization.secretId()).orElseThrow(() -> new OcrException(
                ErrorCodes.SECRET_ID_NOT_FOUND,
                "The SecretId is not found, please ensure that your SecretId is correct.", null));

        String timestampText = header.apply("X-TC-Timestamp");
        if (timestampText == null || timestampText.isBlank()) {
            throw new OcrException(ErrorCodes.MISSING_PARAMETER,
                    "The request is missing the required header X-TC-Timestamp.", null);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampText.trim());
        } catch (NumberFormatException e) {
            throw new OcrException(ErrorCodes.INVALID_PARAMETER,
                    "X-TC-Timestamp must be Unix time in seconds.", null);
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
            throw new OcrException(ErrorCodes.SIGNATURE_EXPIRE, "The signature expired: X-TC-Timestamp "
                    + timestamp + " is more than " + MAX_CLOCK_SKEW_SECONDS + " seconds from the server time "
                    + now + ".", null);
        }
        String timestampDate = Instant.ofEpochSecond(timestamp).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        if (!timestampDate.equals(authorization.date())) {
            throw new OcrException(ErrorCodes.SIGNATURE_FAILURE, "The date in Credential ("
                    + authorization.date() + ") must be the UTC date of X-TC-Timestamp (" + timestampDate + ").",
                    null);
        }

        String payloadHash = Tc3Signature.UNSIGNED_PAYLOAD.equals(header.apply("X-TC-Content-SHA256"))
                ? Tc3Signature.sha256Hex(Tc3Signature.UNSIGNED_PAYLOAD.getBytes(StandardCharsets.UTF_8))
                : Tc3Signature.sha256Hex(body);
        if (!signedAs(header, method, rawQuery, authorization, secretKey, timestampText.trim(), payloadHash)
                && !signedAs(withoutPort(header), method, rawQuery, authorization, secretKey, timestampText.trim(),
                        payloadHash)) {
            throw new OcrException(ErrorCodes.SIGNATURE_FAILURE, SIGNATURE_FAILURE_MESSAGE, null);
        }
        return authorization.secretId();
    }

    private static boolean signedAs(Function<String, String> header, String method, String rawQuery,
                                    Tc3Authorization authorization, String secretKey, String timestamp,
                                    String payloadHash) {
        String canonicalRequest = Tc3Signature.canonicalRequest(method, rawQuery, authorization.signedHeaders(),
                header, payloadHash);
        String expected = Tc3Signature.signature(secretKey, authorization.date(), authorization.service(),
                Tc3Signature.stringToSign(timestamp, authorization.credentialScope(), canonicalRequest));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                authorization.signature().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The headers with {@code Host} as the host name alone. Tencent's Node.js SDK (4.1.x) sends
     * {@code Host: name:port} but signs {@code host:name}; the Java SDK signs what it sends. Accepting either is
     * safe: the port is not part of what a signature protects (the body, the time, the key, the host name);
     * a signature for this host name on another port could be replayed here within the 5-minute window only if
     * that other server shares this key, and then it could as well be replayed here with the port.
     */
    private static Function<String, String> withoutPort(Function<String, String> header) {
        return name -> {
            String value = header.apply(name);
            if (value == null || !name.equalsIgnoreCase("host")) {
                return value;
            }
            String host = value.trim();
            int colon = host.lastIndexOf(':');
            // "[::1]:8090" -> "[::1]"; "name:8090" -> "name"; a bare IPv6 literal in brackets has no port.
            return colon > host.lastIndexOf(']') && host.substring(colon + 1).matches("[0-9]{1,5}")
                    ? host.substring(0, colon) : host;
        };
    }
}
