package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.engine.DevSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecognizeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPrintTheApiSampleFrontOfFront07() throws IOException {
        // Given the image of the seed's FRONT sample
        DevSet.bytes("front_07.jpg");
        // When `recognize … --side FRONT` runs
        Run run = run("recognize", DevSet.DIR.resolve("front_07.jpg").toString(), "--side", "FRONT");
        // Then it prints the API's answer (all fields, AdvancedInfo "{}", a RequestId) and exits 0
        assertThat(run.exit()).isZero();
        JsonNode response = JSON.readTree(run.out()).get("Response");
        assertThat(fields(response)).isEqualTo(new TreeMap<>(Map.of(
                "Name", "李明", "Sex", "男", "Nation", "汉", "Birth", "1987/1/1",
                "Address", "北京市石景山区高新技术园腾讯大楼", "IdNum", "440524198701010014",
                "Authority", "", "ValidDate", "", "AdvancedInfo", "{}")));
        assertThat(response.get("ReflectDetailInfos").size()).isZero();
        assertThat(response.get("RequestId").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void shouldPrintTheErrorEnvelopeAndExitNonZeroForAGif(@TempDir Path dir) throws IOException {
        // Given a GIF file
        Path gif = dir.resolve("card.gif");
        Files.write(gif, new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0});
        // When it is recognised
        Run run = run("recognize", gif.toString());
        // Then the API's error envelope is printed and the exit code says so
        assertThat(run.exit()).isEqualTo(RecognizeCommand.ERROR_RESPONSE);
        JsonNode response = JSON.readTree(run.out()).get("Response");
        assertThat(response.get("Error").get("Code").asText()).isEqualTo("FailedOperation.ImageDecodeFailed");
        assertThat(response.get("Error").get("Message").asText()).isEqualTo("GIF images are not supported; send PNG or JPEG");
        assertThat(response.get("RequestId").asText()).isNotBlank();
    }

    @Test
    void shouldRefuseConfigThatIsNotJson() throws IOException {
        DevSet.bytes("front_07.jpg");
        Run run = run("recognize", DevSet.DIR.resolve("front_07.jpg").toString(), "--config", "{CropIdCard:");
        assertThat(run.exit()).isEqualTo(RecognizeCommand.ERROR_RESPONSE);
        assertThat(JSON.readTree(run.out()).at("/Response/Error/Code").asText())
                .isEqualTo("InvalidParameter.ConfigFormatError");
    }

    @Test
    void shouldRejectAnUnknownSideAsAUsageError() {
        Run run = run("recognize", "x.jpg", "--side", "LEFT");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
    }

    private record Run(int exit, String out) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString());
    }

    private static Map<String, String> fields(JsonNode response) {
        Map<String, String> fields = new TreeMap<>();
        for (Iterator<String> names = response.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("RequestId", "ReflectDetailInfos").contains(name)) {
                fields.put(name, response.get(name).asText());
            }
        }
        return fields;
    }
}
