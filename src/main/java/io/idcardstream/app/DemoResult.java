package io.idcardstream.app;

import java.util.HashMap;
import java.util.Map;

/** Which demo requests have been answered, and how; the last line the demo prints. */
final class DemoResult {
    private final int total;
    private final Map<String, Boolean> answers = new HashMap<>();

    DemoResult(int total) {
        this.total = total;
    }

    /** @return false when the request was answered already (a second outcome would be a bug, so it is shown) */
    boolean record(String requestId, boolean recognized) {
        return answers.putIfAbsent(requestId, recognized) == null;
    }

    int answered() {
        return answers.size();
    }

    int total() {
        return total;
    }

    boolean complete() {
        return answers.size() == total;
    }

    String summary() {
        long recognized = answers.values().stream().filter(Boolean::booleanValue).count();
        long failed = answers.size() - recognized;
        String line = "demo: " + total + (total == 1 ? " request, " : " requests, ") + recognized + " recognized, " + failed + " failed";
        return complete() ? line : line + ", " + (total - answers.size()) + " without an outcome (timed out)";
    }
}
