package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.testing.LogCapture;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's main command, in-process: broker, registry, local engine and worker on the sample cards, with
 * personal data masked on stdout and absent from the logs.
 */
class DemoIT {
    private static final String SYNTHETIC_LABELS = "/io/idcardstream/engine/synthetic/labels.json";
    private static final List<String> SAMPLE_FILES = List.of("001_clean_front.jpg", "004_clean_back.jpg",
            "006_photo_front.jpg", "009_photo_back.jpg", "014_upside_down_front.jpg", "021_photocopy_front.jpg");

    @TempDir
    Path dataDir;

    private record Run(int exitCode, List<String> stdout) {}

    private Run demo(String... args) {
        List<String> all = new ArrayList<>(List.of("demo", "--data-dir", dataDir.toString(), "--timeout", "PT2M"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        int code = commandLine.execute(all.toArray(String[]::new));
        return new Run(code, out.toString().lines().toList());
    }

    /** Names, ID numbers and addresses printed on the sample cards (from the generator's labels). */
    private static List<String> personalData() throws Exception {
        List<String> values = new ArrayList<>();
        try (InputStream in = DemoIT.class.getResourceAsStream(SYNTHETIC_LABELS)) {
            for (JsonNode image : new ObjectMapper().readTree(in).get("images")) {
                JsonNode front = image.path("ground_truth").path("front");
                if (SAMPLE_FILES.contains(image.get("file").asText()) && !front.isMissingNode()) {
                    values.add(front.get("name").asText());
                    values.add(front.get("id_number").asText());
                    values.add(front.get("address").asText());
                }
            }
        }
        return values;
    }

    @Test
    void shouldRecogniseEverySampleCardAndKeepPersonalDataOutOfOutputAndLogs() throws Exception {
        List<String> personal = personalData();
        assertThat(personal).hasSize(12);

        // When
        Run run;
        List<String> logs;
        try (LogCapture capture = new LogCapture()) {
            run = demo();
            logs = capture.lines();
        }

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).last().isEqualTo("demo: 6 requests, 6 recognized, 0 failed");
        assertThat(run.stdout()).filteredOn(line -> line.matches("\\[\\d/6] .*: recognized (FRONT|BACK): .*"))
                .hasSize(6);
        assertThat(run.stdout()).anySatisfy(line -> assertThat(line)
                .startsWith("[").contains("001_clean_front.jpg: recognized FRONT: name 周**, sex MALE")
                .contains("id 1401**********3877"));
        // And: the n-th front and back form an application; two are assembled, two end incomplete at the deadline
        assertThat(run.stdout()).contains("demo: 4 applications, 2 assembled, 2 incomplete");
        assertThat(run.stdout()).filteredOn(line -> line.matches("\\[application .*] assembled \\(revision 1\\): .*"))
                .hasSize(2);
        assertThat(run.stdout()).filteredOn(line -> line.matches(
                "\\[application .*] incomplete at its deadline: missing \\[BACK]")).hasSize(2);
        assertThat(logs).as("the run logged something").isNotEmpty();
        for (String value : personal) {
            assertThat(run.stdout()).as("stdout").noneSatisfy(line -> assertThat(line).contains(value));
            assertThat(logs).as("logs").noneSatisfy(line -> assertThat(line).contains(value));
        }
    }

    @Test
    void shouldShowPersonalDataOnlyWhenAskedAndReadAFolderOfImages() throws Exception {
        // Given: a folder with one sample card
        Path images = Files.createDirectory(dataDir.resolve("images"));
        try (InputStream card = DemoIT.class.getResourceAsStream("/io/idcardstream/app/demo/cards/006_photo_front.jpg")) {
            Files.copy(card, images.resolve("card.jpg"));
        }

        // When
        Run run = demo("--images", images.toString(), "--side", "FRONT", "--show-pii");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).last().isEqualTo("demo: 1 request, 1 recognized, 0 failed");
        assertThat(run.stdout()).anySatisfy(line -> assertThat(line).startsWith("[1/1] card.jpg: recognized FRONT")
                .contains("name 陈博波").contains("id 150102199501142990").contains("birth 1995-01-14"));
    }
}
