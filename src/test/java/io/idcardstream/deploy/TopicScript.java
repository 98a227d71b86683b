package io.idcardstream.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics deploy/kafka/create-topics.sh creates: its {@code create NAME PARTITIONS RETENTION_MS} lines and its
 * {@code max_message_bytes}.
 */
record TopicScript(Map<String, Topic> topics, int maxMessageBytes) {
    static final String PATH = "deploy/kafka/create-topics.sh";

    private static final Pattern CREATE = Pattern.compile("(?m)^create (\\S+) (\\d+) (\\d+)$");
    private static final Pattern MAX_MESSAGE_BYTES = Pattern.compile("(?m)^max_message_bytes=(\\d+)$");

    record Topic(String name, int partitions, long retentionMs) {}

    static TopicScript read() {
        return parse(DeploymentFiles.text(DeploymentFiles.file(PATH)));
    }

    static TopicScript parse(String script) {
        Map<String, Topic> topics = new LinkedHashMap<>();
        Matcher create = CREATE.matcher(script);
        while (create.find()) {
            topics.put(create.group(1), new Topic(create.group(1), Integer.parseInt(create.group(2)),
                    Long.parseLong(create.group(3))));
        }
        Matcher maxBytes = MAX_MESSAGE_BYTES.matcher(script);
        if (!maxBytes.find()) {
            throw new AssertionError(PATH + " sets no max_message_bytes");
        }
        return new TopicScript(topics, Integer.parseInt(maxBytes.group(1)));
    }

    Topic topic(String name) {
        Topic topic = topics.get(name);
        if (topic == null) {
            throw new AssertionError(PATH + " creates no topic " + name + "; it creates " + topics.keySet());
        }
        return topic;
    }
}
