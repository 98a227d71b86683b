package io.idcardstream.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TC3-HMAC-SHA256 computation of Tencent Cloud API 3.0 (research note tencent-api.md 1.2), for a
 * {@code POST /} request: canonical request, string to sign, derived key and signature.
 *
 * <p>Headers are canonicalised generically from {@code SignedHeaders} ({@code lower(name):lower(trim(value))}
 * in the order given), so clients that sign more than {@code content-type;host} (e.g. Tencent's demo, which
 * also signs {@code x-tc-action}) verify too.
 *
 * <p>Threading notes: stateless; safe from any thread.
 */
final class Tc3Signature {
    /** {@code X-TC-Content-SHA256} value of the SDK's unsigned-payload mode. */
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private static final HexFormat HEX = HexFormat.of();

    private Tc3Signature() {}

    /**
     * @param rawQuery the query string exactly as sent (empty for POST): TC3 signs it as the client wrote it
     */
    static String canonicalRequest(String method, String rawQuery, List<String> signedHeaders,
                                   Function<String, String> header, String payloadSha256Hex) {
        StringBuilder canonical = new StringBuilder(256)
                .append(method).append('\n')
                .append("/\n")
                .append(rawQuery).append('\n');
        for (String name : signedHeaders) {
            String value = header.apply(name);
            canonical.append(name.toLowerCase(Locale.ROOT)).append(':')
                    .append(value == null ? "" : value.trim().toLowerCase(Locale.ROOT)).append('\n');
        }
        return canonical.append('\n')
                .append(String.join(";", signedHeaders)).append('\n')
                .append(payloadSha256Hex)
                .toString();
    }

    static String stringToSign(String timestamp, String credentialScope, String canonicalRequest) {
        return Tc3Authorization.ALGORITHM + "\n" + timestamp + "\n" + credentialScope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code hex(HMAC(HMAC(HMAC(HMAC("TC3" + key, date), service), "tc3_request"), stringToSign))}. */
    static String signature(String secretKey, String date, String service, String stringToSign) {
        byte[] secretDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] secretService = hmac(secretDate, service);
        byte[] secretSigning = hmac(secretService, "tc3_request");
        return HEX.formatHex(hmac(secretSigning, stringToSign));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has HmacSHA256", e);
        }
    }
}
