package io.idcardstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Validates docker-compose.yml with {@code docker compose config} where the Compose plugin is installed. It needs
 * no Docker engine, only the CLI and its plugin.
 */
class ComposeConfigTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static Path docker;
    private static String missing;

    @BeforeAll
    static void findDockerCompose() {
        Optional<Path> found = ExternalTool.onPath("docker");
        if (found.isEmpty()) {
            missing = "docker is not installed on this machine (not on PATH)";
        } else {
            ExternalTool.Result version = ExternalTool.run(DEADLINE, found.get().toString(), "compose", "version");
            if (version.exitCode() != 0) {
                missing = "the docker compose plugin is not installed on this machine (`docker compose version` "
                        + "exited " + version.exitCode() + ": " + version.stderr().lines().findFirst().orElse("") + ")";
            } else {
                docker = found.get();
            }
        }
        if (missing != null) {
            System.out.println("ComposeConfigTest: " + missing + ": skipping `docker compose config`");
        }
    }

    /** The one allowed skip: the tool is absent on this machine. */
    @BeforeEach
    void requireDockerCompose() {
        Assumptions.assumeTrue(missing == null, () -> missing + ": skipping `docker compose config`");
    }

    @Test
    void shouldBeAValidComposeFile() {
        ExternalTool.Result result = ExternalTool.run(DEADLINE, docker.toString(), "compose", "-f", Compose.PATH,
                "config", "-q");

        assertThat(result.exitCode()).as("docker compose config -q: " + result.stderr()).isZero();
    }

    @Test
    void shouldListTheSixServices() {
        ExternalTool.Result result = ExternalTool.run(DEADLINE, docker.toString(), "compose", "-f", Compose.PATH,
                "config", "--services");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().sorted().toList())
                .isEqualTo(List.of("kafka", "prometheus", "registry", "serve", "topics", "worker"));
    }
}
