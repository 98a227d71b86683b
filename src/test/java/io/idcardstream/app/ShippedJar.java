package io.idcardstream.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The artifact as the image runs it: {@code java -jar target/idcard-stream.jar} with the manifest's class path
 * (target/lib), not the test class path, so a process test also proves what production ships is enough.
 */
public final class ShippedJar {
    public static final Path JAR = Path.of("target", "idcard-stream.jar").toAbsolutePath();
    public static final Path LIB = Path.of("target", "lib").toAbsolutePath();

    private ShippedJar() {
    }

    /** {@code java <jvmOptions> -jar target/idcard-stream.jar}; the caller adds the command and its options. */
    public static List<String> javaJar(String... jvmOptions) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the *IT tests run after `package` (mvn verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", JAR.toString()));
        return command;
    }
}
