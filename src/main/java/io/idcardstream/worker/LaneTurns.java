package io.idcardstream.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * The instance's lanes (one per input partition it owns) and whose turn it is: partitions with a call ready take
 * turns (round robin), each within its in-flight limit, so a busy partition cannot starve a quiet one and the slots
 * of quiet partitions go to busy ones.
 *
 * <p>Threading notes: not thread-safe; the dispatcher guards it with its lock.
 */
final class LaneTurns {
    private final List<DispatchLane> lanes = new ArrayList<>();
    private final int maxInFlightPerLane;
    private int next;

    LaneTurns(int maxInFlightPerLane) {
        this.maxInFlightPerLane = maxInFlightPerLane;
    }

    void add(DispatchLane lane) {
        lanes.add(lane);
    }

    void remove(DispatchLane lane) {
        lanes.remove(lane);
    }

    /** The partitions the lanes serve: the instance's share of the quota's slots. */
    List<Integer> partitions() {
        return lanes.stream().map(DispatchLane::partition).toList();
    }

    /** The next lane with a call ready and room in flight, or null; {@code take} makes it the one that went last. */
    DispatchLane nextEligible(boolean take) {
        for (int i = 0; i < lanes.size(); i++) {
            int index = (next + i) % lanes.size();
            DispatchLane lane = lanes.get(index);
            if (!lane.ready().isEmpty() && lane.inFlight < maxInFlightPerLane) {
                if (take) {
                    next = index + 1;
                }
                return lane;
            }
        }
        return null;
    }

    /** Calls waiting in all lanes. */
    int readyCount() {
        return lanes.stream().mapToInt(DispatchLane::readyCount).sum();
    }
}
