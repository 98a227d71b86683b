package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * TC3-HMAC-SHA256 over generated requests, signed by {@link IndependentTc3Signer} (Tencent's documentation, not the
 * server's code): what a client signs with the key verifies, and any one change an attacker could make to a signed
 * request (method, a signed header, the body, the timestamp, the signature) is refused.
 */
class Tc3VerifierPropertiesTest {
    private static final int EXAMPLES = 150;
    private static final long NOW = 1795606868L;
    private static final Set<String> REFUSALS = Set.of(ErrorCodes.SIGNATURE_FAILURE, ErrorCodes.SIGNATURE_EXPIRE);
    private static final String HEX = "0123456789abcdef";

    /** A request as a client signs it, and the server that knows the key. */
    record Signed(String secretId, Tc3Verifier verifier, Map<String, String> headers, byte[] body) {
        Map<String, String> headersWith(String name, String value) {
            Map<String, String> changed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            changed.putAll(headers);
            changed.put(name, value);
            return changed;
        }

        boolean signs(String name) {
            String authorization = headers.get("Authorization");
            String names = authorization.substring(authorization.indexOf("SignedHeaders=") + 14,
                    authorization.indexOf(", Signature="));
            return List.of(names.split(";")).contains(name.toLowerCase(java.util.Locale.ROOT));
        }

        String signature() {
            String authorization = headers.get("Authorization");
            return authorization.substring(authorization.length() - 64);
        }

        @Override
        public String toString() {
            return "Signed[" + secretId + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
        }
    }

    @Test
    void shouldVerifyWhatAClientSignedWithTheKey() {
        qt().withExamples(EXAMPLES).forAll(signedRequests()).checkAssert(signed -> {
            // Given a request signed by an independent implementation of the documented algorithm
            // When the server verifies it
            // Then it is authentic, from the SecretId that signed it
            assertThat(verify(signed, "POST", signed.headers(), signed.body())).isEqualTo(signed.secretId());
        });
    }

    @Test
    void shouldRefuseAnyOtherMethod() {
        qt().withExamples(EXAMPLES).forAll(signedRequests(), Generate.pick(List.of("GET", "PUT", "post", "POST ", "")))
                .checkAssert((signed, method) -> {
                    // Given a signed POST presented as another method
                    // When the server verifies it
                    // Then it is refused as a wrong signature
                    assertThat(verify(signed, method, signed.headers(), signed.body()))
                            .isEqualTo(ErrorCodes.SIGNATURE_FAILURE);
                });
    }

    @Test
    void shouldRefuseAChangedSignedHeader() {
        // Many attempts: x-tc-action is signed in a third of the requests only.
        qt().withExamples(EXAMPLES).withGenerateAttempts(10_000)
                .forAll(signedRequests(), Generate.pick(List.of("Host", "Content-Type", "X-TC-Action")),
                        headerValues())
                .assuming((signed, name, value) -> signed.signs(name) && !canonical(value)
                        .equals(canonical(signed.headers().get(name))))
                .checkAssert((signed, name, value) -> {
                    // Given a signed request whose signed header now says something else (not merely in another case
                    // or with other surrounding blanks, which TC3 canonicalises away; unsigned headers are not
                    // covered by TC3)
                    Map<String, String> headers = signed.headersWith(name, value);
                    // When the server verifies it
                    // Then it is refused as a wrong signature
                    assertThat(verify(signed, "POST", headers, signed.body())).isEqualTo(ErrorCodes.SIGNATURE_FAILURE);
                });
    }

    @Test
    void shouldRefuseAChangedBody() {
        qt().withExamples(EXAMPLES).forAll(signedRequests(), integers().between(0, 4096), integers().between(1, 255))
                .checkAssert((signed, at, flip) -> {
                    // Given a signed request with one byte of its body changed, or one byte appended
                    byte[] body = Arrays.copyOf(signed.body(), Math.max(signed.body().length, at % (signed.body().length + 1) + 1));
                    int index = at % (signed.body().length + 1);
                    body[index] = (byte) (body[index] ^ flip);
                    // When the server verifies it
                    // Then it is refused as a wrong signature
                    assertThat(verify(signed, "POST", signed.headers(), body)).isEqualTo(ErrorCodes.SIGNATURE_FAILURE);
                });
    }

    @Test
    void shouldRefuseAChangedTimestamp() {
        Gen<Integer> deltas = integers().between(1, 100_000).zip(booleans().all(), (d, later) -> later ? d : -d);
        qt().withExamples(EXAMPLES).forAll(signedRequests(), deltas)
                .checkAssert((signed, delta) -> {
                    // Given a signed request replayed with another X-TC-Timestamp
                    long timestamp = Long.parseLong(signed.headers().get("X-TC-Timestamp")) + delta;
                    Map<String, String> headers = signed.headersWith("X-TC-Timestamp", Long.toString(timestamp));
                    // When the server verifies it
                    // Then it is refused: expired, or signed for another time
                    assertThat(verify(signed, "POST", headers, signed.body())).isIn(REFUSALS);
                });
    }

    @Test
    void shouldRefuseAChangedSignature() {
        qt().withExamples(EXAMPLES).forAll(signedRequests(), integers().between(0, 63), integers().between(1, 15))
                .checkAssert((signed, at, shift) -> {
                    // Given a signed request with one hexadecimal digit of its signature changed
                    String signature = signed.signature();
                    char changed = HEX.charAt((HEX.indexOf(signature.charAt(at)) + shift) % 16);
                    String forged = signature.substring(0, at) + changed + signature.substring(at + 1);
                    String authorization = signed.headers().get("Authorization").replace(signature, forged);
                    // When the server verifies it
                    // Then it is refused as a wrong signature
                    assertThat(verify(signed, "POST", signed.headersWith("Authorization", authorization), signed.body()))
                            .isEqualTo(ErrorCodes.SIGNATURE_FAILURE);
                });
    }

    @Test
    void shouldAnswerAnyAuthorizationHeaderWithTheApisCodeOrAnAuthorization() {
        Gen<String> pieces = Generate.pick(List.of("TC3-HMAC-SHA256", " ", "Credential=", "SignedHeaders=",
                "Signature=", "AKID", "/", "2026-11-25", "2026-02-30", "ocr", "tc3_request", ",", ";", "=",
                "content-type", "host", "c7b8bb62d76973639ec117be21865f10d7a8f5e4c4147e19e61e7677485be626", "",
                "\t", "\u0000", "é", "99999-99-99"));
        qt().withExamples(EXAMPLES * 5).forAll(lists().of(pieces).ofSizeBetween(0, 25)).checkAssert(parts -> {
            // Given an Authorization header made of its parts in any order and number
            String header = String.join("", parts);
            // When it is parsed
            Throwable failure = catchThrowable(() -> Tc3Authorization.parse(header));
            // Then it is an authorization or AuthFailure.InvalidAuthorization, never another exception
            if (failure != null) {
                assertThat(failure).isInstanceOf(OcrException.class);
                assertThat(((OcrException) failure).code()).isEqualTo(ErrorCodes.INVALID_AUTHORIZATION);
            }
        });
    }

    /** The code a verification gives, or the SecretId it authenticated. */
    private static String verify(Signed signed, String method, Map<String, String> headers, byte[] body) {
        try {
            return signed.verifier().verify(method, headers::get, body);
        } catch (OcrException e) {
            return e.code();
        }
    }

    private static String canonical(String value) {
        return value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Gen<String> headerValues() {
        return strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 40);
    }

    /**
     * Requests signed within the allowed 5 minutes of the server's clock, with any key pair, service name, body and
     * values of the signed headers (content-type and host, sometimes also x-tc-action, as Tencent's demo signs).
     */
    private static Gen<Signed> signedRequests() {
        Gen<String> ids = strings().betweenCodePoints('0', 'z').ofLengthBetween(1, 24).map(s -> "AKID" + s.replace('/', 'x')
                .replace(',', 'x'));
        Gen<String> keys = strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(1, 40);
        Gen<byte[]> bodies = Generate.byteArrays(integers().between(0, 300), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE,
                (byte) 0));
        Gen<Map<String, String>> headers = headerValues().zip(headerValues(), integers().between(0, 2),
                (type, host, action) -> {
                    Map<String, String> signed = new LinkedHashMap<>();
                    signed.put("content-type", type.isBlank() ? "application/json; charset=utf-8" : type);
                    signed.put("host", host.isBlank() ? "127.0.0.1:8090" : host);
                    if (action == 0) {
                        signed.put("x-tc-action", "IDCardOCR");
                    }
                    return signed;
                });
        Gen<Integer> skew = integers().between((int) -Tc3Verifier.MAX_CLOCK_SKEW_SECONDS,
                (int) Tc3Verifier.MAX_CLOCK_SKEW_SECONDS);
        Gen<String> services = Generate.pick(List.of("ocr", "127", "localhost", "a"));
        return ids.zip(keys, bodies, headers, (id, key, body, signed) -> new Object[] {id, key, body, signed})
                .zip(skew, services, (parts, offset, service) -> {
                    String id = (String) parts[0];
                    String key = (String) parts[1];
                    byte[] body = (byte[]) parts[2];
                    @SuppressWarnings("unchecked")
                    Map<String, String> signed = (Map<String, String>) parts[3];
                    long timestamp = NOW + offset;
                    // The server's clock is NOW; the scope date must be the timestamp's UTC date, which the
                    // signer derives itself.
                    Map<String, String> sent = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    try {
                        sent.putAll(IndependentTc3Signer.signedHeaders(id, key, timestamp, service, signed,
                                "IDCardOCR", body));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    Tc3Verifier verifier = new Tc3Verifier(ApiKeys.of(id, key),
                            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
                    return new Signed(id, verifier, sent, body);
                });
    }
}
