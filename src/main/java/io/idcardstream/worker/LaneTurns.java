package io.idcardstream.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * The instance's lanes (one per input partition it owns) and whose turn it is: partitions with a call ready take
 * turns (round robin), each within its in-flight limit, so a busy partition cannot starve a quiet one and the slots
 * of quiet partitions go to busy ones. Live calls go before replays, except that one call in
 * {@link #REPLAY_EVERY} goes to a replay when one waits, so a replay always finishes without holding up live
 * account openings for more than that share of the quota.
 *
 * <p>Threading notes: not thread-safe; the dispatcher guards it with its lock.
 */
final class LaneTurns {
    /** A replay's guaranteed turn: one call in this many, when live calls wait too (10% of the quota). */
    static final int REPLAY_EVERY = 10;

    /** A lane and the class of call to take from it. */
    record Turn(DispatchLane lane, boolean replay) {}

    private final List<DispatchLane> lanes = new ArrayList<>();
    private int callsSinceReplay;
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

    /**
     * The next lane with a call ready and room in flight, and whether the call is a replay; null when none.
     * {@code take} makes it the turn that went last.
     */
    Turn next(boolean take) {
        boolean replayFirst = callsSinceReplay >= REPLAY_EVERY - 1;
        Turn turn = find(replayFirst, take);
        if (turn == null) {
            turn = find(!replayFirst, take);
        }
        if (turn != null && take) {
            callsSinceReplay = turn.replay() ? 0 : callsSinceReplay + 1;
        }
        return turn;
    }

    private Turn find(boolean replay, boolean take) {
        for (int i = 0; i < lanes.size(); i++) {
            int index = (next + i) % lanes.size();
            DispatchLane lane = lanes.get(index);
            if (lane.hasReady(replay) && lane.inFlight < maxInFlightPerLane) {
                if (take) {
                    next = index + 1;
                }
                return new Turn(lane, replay);
            }
        }
        return null;
    }

    /** Calls waiting in all lanes, of one class. */
    int readyCount(boolean replay) {
        return lanes.stream().mapToInt(lane -> lane.readyCount(replay)).sum();
    }
}
