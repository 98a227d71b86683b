package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.idcardstream.ocr.OcrException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The TC3 computation and its checks, against the SDK request captured in tencent-api.md 1.2. */
class Tc3VerifierTest {
    // The captured request of tencent-api.md 1.2 (SDK 3.1.1342, recomputed independently there).
    private static final String SECRET_ID = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "secretkeyEXAMPLE";
    private static final long TIMESTAMP = 1795606868L;
    private static final String BODY = "{\"ImageUrl\":\"https://example.com/a.jpg\",\"CardSide\":\"FRONT\"}";
    private static final String SIGNATURE = "c7b8bb62d76973639ec117be21865f10d7a8f5e4c4147e19e61e7677485be626";
    private static final String AUTHORIZATION = "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-11-25/ocr/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=" + SIGNATURE;

    private static Map<String, String> capturedHeaders() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", "ocr.tencentcloudapi.com");
        headers.put("Authorization", AUTHORIZATION);
        headers.put("X-TC-Action", "IDCardOCR");
        headers.put("X-TC-Timestamp", Long.toString(TIMESTAMP));
        headers.put("X-TC-Version", "2018-11-19");
        headers.put("X-TC-RequestClient", "SDK_JAVA_3.1.1342");
        headers.put("X-TC-Region", "ap-guangzhou");
        headers.put("Content-Type", "application/json; charset=utf-8");
        return headers;
    }

    private static Tc3Verifier verifierAt(long epochSecond) {
        return new Tc3Verifier(ApiKeys.of(SECRET_ID, SECRET_KEY),
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static String failure(Tc3Verifier verifier, Map<String, String> headers, String body) {
        OcrException e = catchThrowableOfType(OcrException.class,
                () -> verifier.verify("POST", headers::get, body.getBytes(StandardCharsets.UTF_8)));
        return e == null ? "verified" : e.code() + ": " + e.getMessage();
    }

    @Test
    void shouldReproduceEveryIntermediateValueOfTheCapturedSdkRequest() {
        // Given
        Map<String, String> headers = capturedHeaders();

        // When
        String bodyHash = Tc3Signature.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8));
        String canonical = Tc3Signature.canonicalRequest("POST", "", List.of("content-type", "host"), headers::get, bodyHash);
        String canonicalHash = Tc3Signature.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        String signature = Tc3Signature.signature(SECRET_KEY, "2026-11-25", "ocr",
                Tc3Signature.stringToSign(Long.toString(TIMESTAMP), "2026-11-25/ocr/tc3_request", canonical));

        // Then
        assertThat(List.of(bodyHash, canonicalHash, signature)).containsExactly(
                "9788748f2227ce7a23b530468ad03df8491d3c3a838f0a2073479a975ab00757",
                "6868fc59399ad0f452e139156be000858ca7dc14be6a5a3a3fa241032019fc7c",
                SIGNATURE);
    }

    @Test
    void shouldVerifyTheCapturedSdkRequest() throws Exception {
        // Given
        Tc3Verifier verifier = verifierAt(TIMESTAMP + 10);

        // When
        String secretId = verifier.verify("POST", capturedHeaders()::get, BODY.getBytes(StandardCharsets.UTF_8));

        // Then
        assertThat(secretId).isEqualTo(SECRET_ID);
    }

    @Test
    void shouldRefuseEachAlterationWithItsCodeInChecklistOrder() {
        // Given
        Tc3Verifier verifier = verifierAt(TIMESTAMP);
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("no Authorization", with("Authorization", null));
        cases.put("HMAC-SHA1 algorithm", with("Authorization", AUTHORIZATION.replace("TC3-HMAC-SHA256", "HMAC-SHA1")));
        cases.put("no Signature", with("Authorization", AUTHORIZATION.substring(0, AUTHORIZATION.indexOf(", Signature"))));
        cases.put("scope without tc3_request", with("Authorization", AUTHORIZATION.replace("/tc3_request", "/tc2")));
        cases.put("bad scope date", with("Authorization", AUTHORIZATION.replace("2026-11-25", "2026-13-45")));
        cases.put("host not signed", with("Authorization", AUTHORIZATION.replace("content-type;host", "content-type")));
        cases.put("short signature", with("Authorization", AUTHORIZATION.replace(SIGNATURE, "c7b8")));
        cases.put("unknown SecretId, stale too",
                with("Authorization", AUTHORIZATION.replace("AKIDEXAMPLE", "AKIDOTHER"), "X-TC-Timestamp", "1"));
        cases.put("no timestamp", with("X-TC-Timestamp", null));
        cases.put("timestamp not a number", with("X-TC-Timestamp", "soon"));
        cases.put("301 s old, signature wrong too",
                with("X-TC-Timestamp", Long.toString(TIMESTAMP - 301), "Host", "evil.example"));
        cases.put("301 s ahead", with("X-TC-Timestamp", Long.toString(TIMESTAMP + 301)));
        cases.put("300 s old, otherwise intact", with("X-TC-Timestamp", Long.toString(TIMESTAMP - 300)));
        cases.put("other host", with("Host", "ocr.ap-beijing.tencentcloudapi.com"));
        cases.put("other content type", with("Content-Type", "application/x-www-form-urlencoded"));
        cases.put("scope date not the timestamp's",
                with("Authorization", AUTHORIZATION.replace("2026-11-25", "2026-11-24")));
        cases.put("upper-case signature", with("Authorization", AUTHORIZATION.replace(SIGNATURE, SIGNATURE.toUpperCase())));
        cases.put("upper-case host value", with("Host", "OCR.tencentcloudapi.com"));

        // When
        Map<String, String> outcomes = new LinkedHashMap<>();
        cases.forEach((name, headers) -> outcomes.put(name, failure(verifier, headers, BODY)));
        outcomes.put("body changed", failure(verifier, capturedHeaders(), BODY.replace("FRONT", "BACK")));
        String sdkSigned = "The provided credentials could not be validated. Please check your signature is correct.";

        // Then
        String shape = " Authorization must be 'TC3-HMAC-SHA256 Credential=<SecretId>/<yyyy-MM-dd>/<service>/"
                + "tc3_request, SignedHeaders=<names>, Signature=<hex>'.";
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("no Authorization", "AuthFailure.InvalidAuthorization: The Authorization header is missing." + shape);
        expected.put("HMAC-SHA1 algorithm", "AuthFailure.InvalidAuthorization: Only the TC3-HMAC-SHA256 signature "
                + "method is supported." + shape);
        expected.put("no Signature", "AuthFailure.InvalidAuthorization: Authorization has no Signature." + shape);
        expected.put("scope without tc3_request", "AuthFailure.InvalidAuthorization: Credential must be "
                + "<SecretId>/<yyyy-MM-dd>/<service>/tc3_request.");
        expected.put("bad scope date", "AuthFailure.InvalidAuthorization: The date in Credential must be yyyy-MM-dd.");
        expected.put("host not signed",
                "AuthFailure.InvalidAuthorization: SignedHeaders must include content-type and host.");
        expected.put("short signature",
                "AuthFailure.InvalidAuthorization: Signature must be 64 hexadecimal characters.");
        expected.put("unknown SecretId, stale too", "AuthFailure.SecretIdNotFound: The SecretId is not found, please "
                + "ensure that your SecretId is correct.");
        expected.put("no timestamp", "MissingParameter: The request is missing the required header X-TC-Timestamp.");
        expected.put("timestamp not a number", "InvalidParameter: X-TC-Timestamp must be Unix time in seconds.");
        expected.put("301 s old, signature wrong too", "AuthFailure.SignatureExpire: The signature expired: "
                + "X-TC-Timestamp 1795606567 is more than 300 seconds from the server time 1795606868.");
        expected.put("301 s ahead", "AuthFailure.SignatureExpire: The signature expired: X-TC-Timestamp 1795607169 "
                + "is more than 300 seconds from the server time 1795606868.");
        expected.put("300 s old, otherwise intact", "AuthFailure.SignatureFailure: " + sdkSigned);
        expected.put("other host", "AuthFailure.SignatureFailure: " + sdkSigned);
        expected.put("other content type", "AuthFailure.SignatureFailure: " + sdkSigned);
        expected.put("scope date not the timestamp's", "AuthFailure.SignatureFailure: The date in Credential "
                + "(2026-11-24) must be the UTC date of X-TC-Timestamp (2026-11-25).");
        expected.put("upper-case signature", "verified");
        expected.put("upper-case host value", "verified");
        expected.put("body changed", "AuthFailure.SignatureFailure: " + sdkSigned);
        assertThat(outcomes).containsExactlyEntriesOf(expected);
    }

    @Test
    void shouldVerifyUnsignedPayloadWhateverTheBody() throws Exception {
        // Given a request signed over the hash of "UNSIGNED-PAYLOAD", as the SDK's unsigned mode does
        long now = 1_800_000_000L;
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("content-type", "application/json; charset=utf-8");
        signed.put("host", "127.0.0.1:8090");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(IndependentTc3Signer.signedHeaders(SECRET_ID, SECRET_KEY, now, "127", signed, "IDCardOCR",
                Tc3Signature.UNSIGNED_PAYLOAD.getBytes(StandardCharsets.UTF_8)));
        headers.put("X-TC-Content-SHA256", "UNSIGNED-PAYLOAD");
        Tc3Verifier verifier = verifierAt(now);

        // When
        String verified = failure(verifier, headers, "{\"ImageBase64\":\"AAAA\"}");
        headers.remove("X-TC-Content-SHA256");
        String withoutMode = failure(verifier, headers, "{\"ImageBase64\":\"AAAA\"}");

        // Then
        assertThat(List.of(verified, withoutMode)).containsExactly("verified", "AuthFailure.SignatureFailure: "
                + "The provided credentials could not be validated. Please check your signature is correct.");
    }

    private static Map<String, String> with(String... namesAndValues) {
        Map<String, String> headers = capturedHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                headers.remove(namesAndValues[i]);
            } else {
                headers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return headers;
    }

    // A request of Tencent's Node.js SDK (tencentcloud-sdk-nodejs-ocr 4.1.232, common 4.1.220), captured once on
    // 2026-12-06 from the real SDK (endpoint 127.0.0.1:18090, protocol http://, region ap-guangzhou, the keys above)
    // by a loopback server that logged it. It sends Host with the port and signs the host name without it, and
    // signs content-type as it sends it (application/json, no charset).
    private static final long NODE_TIMESTAMP = 1796552233L;
    private static final String NODE_BODY = "{\"ImageBase64\":\"AQID\",\"CardSide\":\"FRONT\"}";

    private static Map<String, String> nodeSdkHeaders() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", "127.0.0.1:18090");
        headers.put("X-TC-Action", "IDCardOCR");
        headers.put("X-TC-Region", "ap-guangzhou");
        headers.put("X-TC-Timestamp", Long.toString(NODE_TIMESTAMP));
        headers.put("X-TC-Version", "2018-11-19");
        headers.put("X-TC-RequestClient", "SDK_NODEJS_4.1.220");
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-12-06/127/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=3efff2b117ce81dc7170d79faff6f44cbc3114ea6d11b5c0b7c56fadb2c6604c");
        return headers;
    }

    @Test
    void shouldVerifyTheNodeSdkSignatureThatLeavesThePortOutOfHost() {
        // Given the Node SDK's captured request, at its own time
        Tc3Verifier verifier = verifierAt(NODE_TIMESTAMP);

        // When
        String asSent = failure(verifier, nodeSdkHeaders(), NODE_BODY);
        Map<String, String> otherHost = nodeSdkHeaders();
        otherHost.put("Host", "127.0.0.2:18090");
        Map<String, String> otherBody = nodeSdkHeaders();

        // Then it verifies; the host name and the body are still protected
        assertThat(List.of(asSent, failure(verifier, otherHost, NODE_BODY),
                failure(verifier, otherBody, NODE_BODY.replace("FRONT", "BACK")))).containsExactly("verified",
                "AuthFailure.SignatureFailure: The provided credentials could not be validated. Please check your "
                        + "signature is correct.",
                "AuthFailure.SignatureFailure: The provided credentials could not be validated. Please check your "
                        + "signature is correct.");
    }
}
