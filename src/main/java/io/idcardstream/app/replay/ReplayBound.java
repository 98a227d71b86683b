package io.idcardstream.app.replay;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One end of a replay range: the log's start or end, a point in time, or an offset per partition. */
public sealed interface ReplayBound {
    /** The earliest offset still in the log. */
    record Beginning() implements ReplayBound {}

    /** The end of the log when the replay starts (records written later, replays included, are not read). */
    record End() implements ReplayBound {}

    /** The first offset whose timestamp is at or after {@code time}. */
    record AtTime(Instant time) implements ReplayBound {
        public AtTime {
            Objects.requireNonNull(time, "time");
        }
    }

    /** Given offsets; partitions not named are not replayed. */
    record AtOffsets(Map<Integer, Long> offsets) implements ReplayBound {
        public AtOffsets {
            offsets = Map.copyOf(offsets);
            offsets.forEach((partition, offset) -> {
                if (partition < 0 || offset < 0) {
                    throw new IllegalArgumentException("partition and offset must not be negative but were "
                            + partition + ":" + offset);
                }
            });
        }
    }

    /**
     * Parses {@code beginning}, {@code end}, an ISO-8601 instant ({@code 2026-11-25T08:00:00Z}) or offsets
     * {@code PARTITION:OFFSET[,PARTITION:OFFSET...]}.
     */
    static ReplayBound parse(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("beginning")) {
            return new Beginning();
        }
        if (value.equalsIgnoreCase("end")) {
            return new End();
        }
        if (value.matches("\\d+:\\d+(,\\d+:\\d+)*")) {
            Map<Integer, Long> offsets = new java.util.TreeMap<>();
            for (String pair : value.split(",")) {
                String[] parts = pair.split(":");
                if (offsets.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1])) != null) {
                    throw new IllegalArgumentException("partition " + parts[0] + " is given twice in '" + value + "'");
                }
            }
            return new AtOffsets(offsets);
        }
        try {
            return new AtTime(Instant.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("A replay bound must be 'beginning', 'end', an ISO-8601 instant such "
                    + "as 2026-11-25T08:00:00Z, or PARTITION:OFFSET[,...] but was '" + value + "'");
        }
    }
}
