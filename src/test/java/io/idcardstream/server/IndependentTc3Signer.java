package io.idcardstream.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TC3-HMAC-SHA256 written straight from Tencent's signature documentation, separately from the server's code,
 * the way a client in another language would sign: the test checks the server against it and against the
 * captured SDK vector (tencent-api.md 1.2).
 */
final class IndependentTc3Signer {
    private IndependentTc3Signer() {}

    /**
     * Headers for a signed {@code POST /}: {@code signedHeaders} (lower-case name → value, in signing order)
     * are sent as given; X-TC-Action, X-TC-Version, X-TC-Timestamp and Authorization are added.
     */
    static Map<String, String> signedHeaders(String secretId, String secretKey, long timestamp, String service,
                                             Map<String, String> signedHeaders, String action, byte[] body)
            throws Exception {
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(timestamp));
        StringBuilder canonicalHeaders = new StringBuilder();
        signedHeaders.forEach((name, value) -> canonicalHeaders.append(name).append(':')
                .append(value.trim().toLowerCase()).append('\n'));
        String signedNames = String.join(";", signedHeaders.keySet());
        String canonicalRequest = String.format("POST\n/\n\n%s\n%s\n%s", canonicalHeaders, signedNames, hex(sha256(body)));
        String scope = date + "/" + service + "/tc3_request";
        String stringToSign = String.format("TC3-HMAC-SHA256\n%d\n%s\n%s", timestamp, scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        String signature = hex(hmac(key, stringToSign));

        Map<String, String> headers = new LinkedHashMap<>();
        signedHeaders.forEach((name, value) -> headers.put(name, value));
        if (!signedHeaders.containsKey("x-tc-action")) {
            headers.put("X-TC-Action", action);
        }
        headers.put("X-TC-Version", "2018-11-19");
        headers.put("X-TC-Timestamp", Long.toString(timestamp));
        headers.put("Authorization", "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders="
                + signedNames + ", Signature=" + signature);
        return headers;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
