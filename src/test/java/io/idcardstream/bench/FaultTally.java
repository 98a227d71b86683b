package io.idcardstream.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The figures of one fault scenario, counted from three independent sources: the request ids the producer
 * had acknowledged (requests in), the outcome records a {@code read_committed} reader saw (outcomes out), and
 * the calls the provider itself served (paid calls). Nothing here trusts the worker's own account.
 *
 * <p>"Calls in flight at the fault" is the bound a duplicated paid call must stay under: a call the worker
 * made can only be paid twice if its answer was lost, which needs a fault between the call and the commit of
 * its outcome. A call is counted as exposed to a fault window [from, to] when it started before {@code to}
 * and its request had no committed outcome by {@code from}.
 */
final class FaultTally {

    /** One call the provider received: when it started and was answered, and whether the answer is billable. */
    record ProviderCall(String requestId, long startedAtMillis, long answeredAtMillis, boolean paid) {
        ProviderCall(String requestId, long startedAtMillis, boolean paid) {
            this(requestId, startedAtMillis, startedAtMillis, paid);
        }
    }

    /** A stretch of time during which the worker could lose answers (an instant fault has from == to). */
    record Window(String name, long fromMillis, long toMillis) {}

    record Figures(int requestsIn, int outcomesOut, int lost, int duplicated, int unknown, int recognized,
            int failed, int providerCalls, int paidCalls, int duplicatedPaidCalls, int callsInFlightAtFault) {

        boolean passed() {
            return lost == 0 && duplicated == 0 && unknown == 0 && duplicatedPaidCalls <= callsInFlightAtFault;
        }
    }

    private final Set<String> requestsIn = new TreeSet<>();
    private final Map<String, Integer> requestPartitions = new HashMap<>();
    private final Map<String, List<Long>> outcomesAt = new HashMap<>();
    private final Map<Integer, List<Long>> outcomesByPartition = new HashMap<>();
    private final Map<String, Integer> failedOutcomes = new HashMap<>();
    private final Map<String, Integer> failureCodes = new TreeMap<>();
    private final List<ProviderCall> calls = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();

    synchronized void requestIn(String requestId) {
        requestsIn.add(requestId);
    }

    /** A request the broker acknowledged in request partition {@code partition}. */
    synchronized void requestIn(String requestId, int partition) {
        requestIn(requestId);
        requestPartitions.put(requestId, partition);
    }

    /**
     * Paid calls for requests of {@code partitions} whose answer a kill at {@code atMillis} could lose: started by
     * then (or within {@code graceMillis} after, the time a kill takes to land), and either still under way or
     * answered but not yet committed (no outcome read by then). Its restart may pay for exactly these again.
     */
    synchronized int callsExposedAt(Set<Integer> partitions, long atMillis, long graceMillis) {
        return (int) calls.stream().filter(ProviderCall::paid)
                .filter(c -> partitions.contains(requestPartitions.get(c.requestId())))
                .filter(c -> c.startedAtMillis() <= atMillis + graceMillis)
                .filter(c -> c.answeredAtMillis() > atMillis || outcomesAt.getOrDefault(c.requestId(), List.of())
                        .stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE) > atMillis)
                .count();
    }

    /** An outcome read from an outcome topic's {@code partition}; {@code errorCode} is null for a recognition. */
    synchronized void outcome(String requestId, String errorCode, long readAtMillis, int partition) {
        outcomesAt.computeIfAbsent(requestId, id -> new ArrayList<>()).add(readAtMillis);
        outcomesByPartition.computeIfAbsent(partition, p -> new ArrayList<>()).add(readAtMillis);
        if (errorCode != null) {
            failedOutcomes.merge(requestId, 1, Integer::sum);
            failureCodes.merge(errorCode, 1, Integer::sum);
        }
    }

    /** Failed outcomes by error code. */
    synchronized Map<String, Integer> failureCodes() {
        return Map.copyOf(failureCodes);
    }

    /** The longest time no committed outcome arrived, from the first outcome to the last: the outage seen downstream. */
    synchronized long longestGapMillis() {
        List<Long> times = outcomesAt.values().stream().flatMap(List::stream).sorted().toList();
        long gap = 0;
        for (int i = 1; i < times.size(); i++) {
            gap = Math.max(gap, times.get(i) - times.get(i - 1));
        }
        return gap;
    }

    /**
     * The longest time in [{@code fromMillis}, {@code toMillis}] without a committed outcome on any of
     * {@code partitions} (outcome topics have the request topic's partitions and keys, so outcome partition p
     * answers request partition p): how long a fault stopped the instances owning them.
     */
    synchronized long longestGapMillis(Set<Integer> partitions, long fromMillis, long toMillis) {
        List<Long> times = new ArrayList<>();
        times.add(fromMillis);
        partitions.forEach(p -> outcomesByPartition.getOrDefault(p, List.of()).stream()
                .filter(t -> t > fromMillis && t < toMillis).forEach(times::add));
        times.add(toMillis);
        times.sort(null);
        long gap = 0;
        for (int i = 1; i < times.size(); i++) {
            gap = Math.max(gap, times.get(i) - times.get(i - 1));
        }
        return gap;
    }

    synchronized void providerCalls(List<ProviderCall> served) {
        calls.addAll(served);
    }

    synchronized void window(Window window) {
        windows.add(window);
    }

    synchronized boolean allAnswered() {
        return outcomesAt.keySet().containsAll(requestsIn);
    }

    synchronized int requestsInCount() {
        return requestsIn.size();
    }

    synchronized int outcomesCount() {
        return outcomesAt.values().stream().mapToInt(List::size).sum();
    }

    /** Request ids without an outcome, at most {@code limit} of them (for the failure message). */
    synchronized List<String> missing(int limit) {
        return requestsIn.stream().filter(id -> !outcomesAt.containsKey(id)).limit(limit).toList();
    }

    synchronized Figures figures() {
        int outcomes = outcomesCount();
        int lost = (int) requestsIn.stream().filter(id -> !outcomesAt.containsKey(id)).count();
        int duplicated = (int) outcomesAt.values().stream().filter(times -> times.size() > 1).count();
        int unknown = (int) outcomesAt.keySet().stream().filter(id -> !requestsIn.contains(id)).count();
        int failed = failedOutcomes.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> paidById = new HashMap<>();
        calls.stream().filter(ProviderCall::paid).forEach(c -> paidById.merge(c.requestId(), 1, Integer::sum));
        int paid = paidById.values().stream().mapToInt(Integer::intValue).sum();
        return new Figures(requestsIn.size(), outcomes, lost, duplicated, unknown, outcomes - failed, failed,
                calls.size(), paid, paid - paidById.size(), exposedCalls());
    }

    /**
     * One line per request paid for more than once: its call start times and outcome read times, relative to
     * the first fault window's start, so a repeat can be traced to the fault that caused it.
     */
    synchronized List<String> repeatedPaidCalls() {
        long origin = windows.stream().mapToLong(Window::fromMillis).min().orElse(0);
        Map<String, List<Long>> startsById = new TreeMap<>();
        calls.stream().filter(ProviderCall::paid).forEach(c -> startsById
                .computeIfAbsent(c.requestId(), id -> new ArrayList<>()).add(c.startedAtMillis() - origin));
        List<String> lines = new ArrayList<>();
        startsById.forEach((id, starts) -> {
            if (starts.size() > 1) {
                lines.add(id + " calls at " + starts.stream().sorted().toList() + " ms, outcomes read at "
                        + outcomesAt.getOrDefault(id, List.of()).stream().map(t -> t - origin).toList() + " ms");
            }
        });
        return lines;
    }

    /** Calls (each counted once even when several windows expose it) whose answer a fault could lose. */
    private int exposedCalls() {
        int exposed = 0;
        for (ProviderCall call : calls) {
            long firstOutcome = outcomesAt.getOrDefault(call.requestId(), List.of()).stream()
                    .mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
            boolean inAny = windows.stream().anyMatch(w -> call.startedAtMillis() <= w.toMillis()
                    && firstOutcome > w.fromMillis());
            if (inAny) {
                exposed++;
            }
        }
        return exposed;
    }
}
