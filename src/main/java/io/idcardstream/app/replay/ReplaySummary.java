package io.idcardstream.app.replay;

/**
 * What a replay did: records read in the range, re-published with {@code reprocess=true}, and skipped because
 * they do not decode as requests (they are in the dead-letter topic already).
 */
public record ReplaySummary(long read, long republished, long undecodable, boolean dryRun) {
    /** The summary line the command prints last. */
    public String line() {
        return "replay: " + read + " records read, " + (dryRun ? "would re-publish " : "re-published ")
                + republished + ", " + undecodable + " undecodable skipped" + (dryRun ? " (dry run)" : "");
    }
}
