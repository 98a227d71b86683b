package io.idcardstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.IdCardStreamConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README stays true to the code: every setting, every command, and the CI command. */
class ReadmeTest {
    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    }

    @Test
    void shouldCarryTheConfigurationTableExactlyAsTheCodeDefinesIt() throws Exception {
        assertThat(readme()).contains(IdCardStreamConfig.toMarkdownTable());
    }

    @Test
    void shouldDocumentEveryCommand() throws Exception {
        String readme = readme();
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            if (!command.equals("help")) {
                assertThat(readme).as("README documents `%s`", command).contains("| `" + command);
            }
        }
    }

    @Test
    void shouldRunExactlyTheReadmesTestCommandInCi() throws Exception {
        List<String> ci = Files.readAllLines(Path.of(".ci/run"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("set ")
                        && !line.startsWith("cd "))
                .toList();
        assertThat(ci).containsExactly("mvn -B verify");
        assertThat(readme()).contains("mvn -B verify              # the tests");
    }
}
