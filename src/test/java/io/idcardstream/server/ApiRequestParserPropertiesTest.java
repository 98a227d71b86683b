package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.ocr.CardSide;
import io.idcardstream.ocr.ErrorCodes;
import io.idcardstream.ocr.OcrException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The request parser over generated bodies: a well-formed call reads back as sent, and anything at all (JSON-ish
 * token soup, bytes that are not UTF-8) is either a request or one of the API's parameter error codes, never another
 * exception (which the server would answer InternalError).
 */
class ApiRequestParserPropertiesTest {
    private static final int EXAMPLES = 300;
    static final Set<String> PARAMETER_ERRORS = Set.of(ErrorCodes.INVALID_PARAMETER, ErrorCodes.UNKNOWN_PARAMETER,
            ErrorCodes.CONFIG_FORMAT_ERROR, ErrorCodes.INVALID_PARAMETER_VALUE_LIMIT, ErrorCodes.EMPTY_IMAGE,
            ErrorCodes.IMAGE_SIZE_TOO_LARGE);
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"ImageBase64\"",
            "\"ImageUrl\"", "\"CardSide\"", "\"Config\"", "\"CardWarnType\"", "\"EnableRecognitionRectify\"",
            "\"EnableReflectDetail\"", "\"EnableDateVerify\"", "\"FRONT\"", "\"BACK\"", "\"Basic\"", "\"Advanced\"",
            "\"{\\\"CropIdCard\\\":true}\"", "\"{\\\"Quality\\\":1}\"", "\"{\"", "\"QUFB\"", "\"https://a/b.jpg\"",
            "true", "false", "null", "0", "-1", "1e999", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"é\"",
            "\"Other\"", " ", "\n", "/*", "'", "\\", "\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReadAWellFormedCallAsSent() {
        Gen<Optional<String>> sides = Generate.pick(List.of("FRONT", "BACK")).toOptionals(30);
        Gen<Optional<String>> warnTypes = Generate.pick(List.of("Basic", "Advanced")).toOptionals(30);
        Gen<Optional<Boolean>> flags = booleans().all().toOptionals(30);
        qt().withExamples(EXAMPLES).forAll(sides, warnTypes, flags.zip(flags, flags, List::of), booleans().all())
                .checkAssert((side, warnType, switches, byUrl) -> {
                    // Given a call with either image, any card side, warn type and switches, and a Config
                    Map<String, Object> call = new LinkedHashMap<>();
                    call.put(byUrl ? "ImageUrl" : "ImageBase64", byUrl ? "https://example.com/a.jpg" : "QUFB");
                    side.ifPresent(s -> call.put("CardSide", s));
                    warnType.ifPresent(w -> call.put("CardWarnType", w));
                    switches.get(0).ifPresent(b -> call.put("EnableRecognitionRectify", b));
                    switches.get(1).ifPresent(b -> call.put("EnableReflectDetail", b));
                    switches.get(2).ifPresent(b -> call.put("EnableDateVerify", b));
                    call.put("Config", "{\"CropIdCard\":true,\"Quality\":false}");
                    // When it is parsed
                    ApiRequest request = parse(json(call)).request();
                    // Then every parameter reads back as sent
                    assertThat(request.cardSide()).isEqualTo(side.map(CardSide::valueOf).orElse(null));
                    assertThat(request.imageUrl()).isEqualTo(byUrl ? "https://example.com/a.jpg" : null);
                    assertThat(request.imageBase64()).isEqualTo(byUrl ? null : "QUFB");
                    assertThat(request.options().cardWarnType()).isEqualTo(warnType.orElse(null));
                    assertThat(request.options().enableRecognitionRectify()).isEqualTo(switches.get(0).orElse(null));
                    assertThat(request.options().enableReflectDetail()).isEqualTo(switches.get(1).orElse(null));
                    assertThat(request.options().enableDateVerify()).isEqualTo(switches.get(2).orElse(null));
                    assertThat(request.options().cropIdCard()).isTrue();
                    assertThat(request.options().quality()).isFalse();
                });
    }

    @Test
    void shouldAnswerAnyJsonishBodyWithARequestOrAParameterError() {
        qt().withExamples(EXAMPLES * 3).forAll(lists().of(Generate.pick(TOKENS)).ofSizeBetween(0, 40))
                .checkAssert(tokens -> {
                    // Given a body made of JSON tokens and parameter names in any order
                    byte[] body = String.join("", tokens).getBytes(StandardCharsets.UTF_8);
                    // When it is parsed
                    Outcome outcome = parse(body);
                    // Then it is a request with exactly one image, or one of the API's parameter error codes
                    outcome.assertWellFormed();
                });
    }

    @Test
    void shouldAnswerAnyBytesWithARequestOrAParameterError() {
        qt().withExamples(EXAMPLES).forAll(Generate.byteArrays(integers().between(0, 200),
                        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) '{')))
                .checkAssert(body -> {
                    // Given any bytes, most of them not UTF-8
                    // When they are parsed
                    // Then the answer is a request or a parameter error code
                    parse(body).assertWellFormed();
                });
    }

    /** What the parser did with a body: a request, or the code of the API error it answered. */
    record Outcome(ApiRequest request, String code) {
        void assertWellFormed() {
            if (request != null) {
                assertThat(request.imageBase64() == null).isNotEqualTo(request.imageUrl() == null);
            } else {
                assertThat(code).isIn(PARAMETER_ERRORS);
            }
        }
    }

    /** Any exception other than OcrException escapes and fails the property. */
    static Outcome parse(byte[] body) {
        try {
            return new Outcome(new ApiRequestParser().parse(body), null);
        } catch (OcrException e) {
            return new Outcome(null, e.code());
        }
    }

    private static byte[] json(Map<String, Object> call) {
        try {
            return JSON.writeValueAsBytes(call);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
