package io.idcardstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DockerfileTest {
    private final Dockerfile dockerfile = Dockerfile.read();

    @Test
    void shouldBuildWithMaven3AndJdk17ThenRunOnAJre17() {
        assertThat(dockerfile.arguments("FROM")).containsExactly("maven:3.9.11-eclipse-temurin-17 AS build",
                "eclipse-temurin:17.0.19_10-jre-noble");
        assertThat(dockerfile.arguments("RUN").get(0))
                .isEqualTo("--mount=type=cache,target=/root/.m2 --mount=type=secret,id=maven_settings "
                        + "if [ -f /run/secrets/maven_settings ]; then set -- -s /run/secrets/maven_settings; fi; "
                        + "mvn -B \"$@\" -DskipTests package");
        assertThat(dockerfile.arguments("FROM")).allSatisfy(from ->
                assertThat(Images.isPinned(from.split(" ")[0])).as(from).isTrue());
    }

    @Test
    void shouldCopyTheJarAndItsRuntimeJarsWhereTheManifestClassPathFindsThem() {
        assertThat(dockerfile.arguments("COPY")).containsExactly("pom.xml ./", "schemas/ schemas/",
                "src/main/ src/main/", "--from=build /src/target/lib/ /app/lib/",
                "--from=build /src/target/idcard-stream.jar /app/idcard-stream.jar",
                "--from=build /src/target/bom.json /app/bom.cdx.json");
    }

    @Test
    void shouldRunTheJarAsANonRootUserWithTheWorkerAsDefaultCommand() {
        assertThat(dockerfile.runtimeUid()).isEqualTo(10001);
        assertThat(dockerfile.arguments("ENTRYPOINT")).containsExactly("[\"/__cacert_entrypoint.sh\", \"java\", "
                + "\"-XX:MaxRAMPercentage=50\", "
                + "\"-XX:+ExitOnOutOfMemoryError\", \"-Djava.io.tmpdir=/tmp\", \"-jar\", \"/app/idcard-stream.jar\"]");
        assertThat(dockerfile.arguments("CMD")).containsExactly("[\"run\"]");
        assertThat(dockerfile.arguments("WORKDIR")).containsExactly("/src", "/var/lib/idcard-stream");
        assertThat(dockerfile.arguments("EXPOSE")).containsExactly("8080 9400");
    }

    @Test
    void shouldBakeInNoEnvironmentOrBuildArguments() {
        // Settings and secrets come from the environment at run time, never from the image.
        assertThat(dockerfile.arguments("ENV")).isEmpty();
        assertThat(dockerfile.arguments("ARG")).isEmpty();
    }

    @Test
    void shouldSendOnlyTheSourcesToTheBuild() {
        assertThat(DeploymentFiles.text(DeploymentFiles.file(".dockerignore")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")))
                .containsExactly("*", "!pom.xml", "!schemas/", "!src/main/");
    }

    @Test
    void shouldJoinContinuationLinesAndRefuseAnImageWithoutUser() {
        Dockerfile parsed = Dockerfile.parse("# comment\nFROM eclipse-temurin:17.0.19_10-jre-noble\n"
                + "RUN a \\\n    && b\nENTRYPOINT [\"java\", \\\n  \"-jar\", \"x.jar\"]\n");

        assertThat(parsed.instructions()).containsExactly(
                new Dockerfile.Instruction("FROM", "eclipse-temurin:17.0.19_10-jre-noble"),
                new Dockerfile.Instruction("RUN", "a && b"),
                new Dockerfile.Instruction("ENTRYPOINT", "[\"java\", \"-jar\", \"x.jar\"]"));
        assertThatThrownBy(parsed::runtimeUid).isInstanceOf(AssertionError.class)
                .hasMessage("Dockerfile has no USER instruction, so the image runs as root");
    }
}
