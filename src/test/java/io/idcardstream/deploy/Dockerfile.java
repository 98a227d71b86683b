package io.idcardstream.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The repository's Dockerfile as a list of instructions (continuation lines joined, comments dropped). */
record Dockerfile(List<Instruction> instructions) {
    static final String PATH = "Dockerfile";

    record Instruction(String keyword, String arguments) {}

    static Dockerfile read() {
        return parse(DeploymentFiles.text(DeploymentFiles.file(PATH)));
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String joined = pending.toString().strip();
            pending.setLength(0);
            if (joined.isEmpty()) {
                continue;
            }
            int space = joined.indexOf(' ');
            instructions.add(new Instruction(joined.substring(0, space).toUpperCase(Locale.ROOT),
                    joined.substring(space + 1).strip().replaceAll("\\s+", " ")));
        }
        return new Dockerfile(List.copyOf(instructions));
    }

    List<String> arguments(String keyword) {
        return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword))
                .map(Instruction::arguments).toList();
    }

    /** The numeric user of the last USER instruction, the one the runtime image runs as. */
    int runtimeUid() {
        List<String> users = arguments("USER");
        if (users.isEmpty()) {
            throw new AssertionError(PATH + " has no USER instruction, so the image runs as root");
        }
        String user = users.get(users.size() - 1);
        String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (!uid.matches("\\d+")) {
            throw new AssertionError(PATH + " runs as user '" + uid + "'; Kubernetes' runAsNonRoot needs a number");
        }
        return Integer.parseInt(uid);
    }
}
