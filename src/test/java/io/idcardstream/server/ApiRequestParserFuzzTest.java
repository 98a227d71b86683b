package io.idcardstream.server;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the request parser (Jazzer): any body is a request or one of the API's parameter error
 * codes. In {@code mvn verify} it replays its inputs; {@code bench/fuzz.sh} fuzzes it.
 */
class ApiRequestParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void shouldAnswerAnyBodyWithARequestOrAParameterError(byte[] body) {
        ApiRequestParserPropertiesTest.parse(body).assertWellFormed();
    }
}
