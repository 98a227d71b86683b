package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrRequested;
import java.util.Map;
import java.util.SortedSet;

/**
 * Reads request events back from the input topic by offset. The pending store keeps no image bytes, so after
 * a restart or a rebalance the requests still pending are read again from where they came from.
 */
@FunctionalInterface
public interface RequestSource {
    /**
     * @return the decoded requests found at the offsets; an offset missing from the map is no longer in the
     *     topic (retention) or does not decode
     */
    Map<Long, IdCardOcrRequested> read(String topic, int partition, SortedSet<Long> offsets);
}
