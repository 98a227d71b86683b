package io.idcardstream.assembly;

import io.idcardstream.events.AssembledIdentity;
import io.idcardstream.events.CardSide;
import io.idcardstream.events.ConsistencyChecks;
import io.idcardstream.events.HolderSex;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import io.idcardstream.events.SideFailure;
import io.idcardstream.events.SideWarning;
import io.idcardstream.events.state.AssemblyState;
import io.idcardstream.events.state.AssemblyStatus;
import io.idcardstream.events.state.BackSide;
import io.idcardstream.events.state.FailedSide;
import io.idcardstream.events.state.FrontSide;
import io.idcardstream.events.state.KeptWarning;
import io.idcardstream.identity.IdentityValidator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins the outcomes of one application (subject id + application id) into one identity.
 *
 * <ul>
 *   <li>A recognised outcome fills the side(s) it shows; when both sides are in, an {@code IdentityAssembled}
 *       (revision 1) is forwarded at once. Another image of a side already filled replaces it when its record
 *       time is later (the latest wins) and is flagged {@code REPEATED_FRONT}/{@code REPEATED_BACK}; the same
 *       request again with {@code reprocessed=true} replaces it without a flag. Either change to a decided
 *       application forwards the next revision.</li>
 *   <li>A failed outcome is remembered for the {@code IdentityIncomplete}; it never removes a recognised side.</li>
 *   <li>{@code assembly.deadline.ms} after the first outcome (wall clock: an applicant who never uploads the back
 *       must hear so even when no other record arrives), an application still missing a side ends as one
 *       {@code IdentityIncomplete}. A side arriving later completes it as the next revision, flagged
 *       {@code COMPLETED_AFTER_DEADLINE}.</li>
 *   <li>A decided application is dropped {@code assembly.state.retention.ms} after its last revision.</li>
 * </ul>
 *
 * <p>Deadlines and expiries are kept in a second store, keyed by time, so a punctuation reads only what is due
 * instead of every application. Logs name request and application coordinates, never card values.
 *
 * <p>Threading notes: one instance per task, called only on its stream thread (process and punctuation).
 */
final class AssemblyProcessor implements Processor<String, Object, String, Object> {
    static final String STORE = "idcard-assembly";
    static final String TIMERS_STORE = "idcard-assembly-timers";
    static final String ASSEMBLED_SINK = "identity-assembled-sink";
    static final String INCOMPLETE_SINK = "identity-incomplete-sink";

    static final String REPEATED_FRONT = "REPEATED_FRONT";
    static final String REPEATED_BACK = "REPEATED_BACK";
    static final String COMPLETED_AFTER_DEADLINE = "COMPLETED_AFTER_DEADLINE";

    /** Due timers handled per punctuation at most, so one punctuation stays well inside a transaction. */
    static final int MAX_TIMERS_PER_PUNCTUATION = 10_000;

    private static final Logger log = LoggerFactory.getLogger(AssemblyProcessor.class);
    private static final char DEADLINE = 'D';
    private static final char EXPIRY = 'E';

    private final AssemblySettings settings;
    private final CrossSideChecks checks;
    private final AssemblyMetrics metrics;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, AssemblyState> store;
    private KeyValueStore<String, String> timers;

    AssemblyProcessor(AssemblySettings settings, CrossSideChecks checks, AssemblyMetrics metrics) {
        this.settings = settings;
        this.checks = checks;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.timers = context.getStateStore(TIMERS_STORE);
        context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireDueTimers);
    }

    @Override
    public void process(Record<String, Object> record) {
        String skip = SideOutcome.skipReason(record.value());
        if (skip != null) {
            metrics.skipped(skip);
            return;
        }
        SideOutcome outcome = SideOutcome.of(record.value(), record.timestamp());
        long now = context.currentSystemTimeMs();
        String key = key(outcome.subjectId(), outcome.applicationId());
        AssemblyState stored = store.get(key);
        AssemblyState.Builder state;
        if (stored != null) {
            state = AssemblyState.newBuilder(stored);
        } else {
            state = AssemblyState.newBuilder()
                    .setSubjectId(outcome.subjectId())
                    .setApplicationId(outcome.applicationId())
                    .setStatus(AssemblyStatus.OPEN)
                    .setFirstSideAt(now)
                    .setDeadlineAt(now + settings.deadline().toMillis())
                    .setRevision(0)
                    .setExpiresAt(0)
                    .setFront(null)
                    .setBack(null)
                    .setFailures(List.of())
                    .setAttributes(Map.of());
            timers.put(timerKey(state.getDeadlineAt(), DEADLINE, key), key);
        }
        boolean sideChanged = apply(state, outcome);
        boolean complete = state.getFront() != null && state.getBack() != null;
        switch (state.getStatus()) {
            case OPEN -> {
                if (complete) {
                    assemble(state, key, outcome.reprocessed(), now, record.timestamp());
                }
            }
            case ASSEMBLED -> {
                if (sideChanged) {
                    assemble(state, key, outcome.reprocessed(), now, record.timestamp());
                }
            }
            case INCOMPLETE -> {
                if (complete && sideChanged) {
                    state.setCompletedAfterDeadline(true);
                    assemble(state, key, outcome.reprocessed(), now, record.timestamp());
                }
            }
            default -> log.warn("Application {} of subject {} has a state this version does not know; its outcome "
                    + "{} is kept but not assembled", state.getApplicationId(), state.getSubjectId(),
                    outcome.requestId());
        }
        store.put(key, state.build());
    }

    /** Puts the outcome's sides, failure and attributes into the state; true when a side changed. */
    private static boolean apply(AssemblyState.Builder state, SideOutcome outcome) {
        boolean changed = false;
        if (outcome.front() != null) {
            FrontSide current = state.getFront();
            if (current == null || (current.getRequestId().equals(outcome.requestId()) && outcome.reprocessed())) {
                state.setFront(outcome.front());
                changed = true;
            } else if (!current.getRequestId().equals(outcome.requestId())) {
                state.setRepeatedFront(true);
                if (outcome.front().getRecordTime() >= current.getRecordTime()) {
                    state.setFront(outcome.front());
                }
                changed = true;
            }
        }
        if (outcome.back() != null) {
            BackSide current = state.getBack();
            if (current == null || (current.getRequestId().equals(outcome.requestId()) && outcome.reprocessed())) {
                state.setBack(outcome.back());
                changed = true;
            } else if (!current.getRequestId().equals(outcome.requestId())) {
                state.setRepeatedBack(true);
                if (outcome.back().getRecordTime() >= current.getRecordTime()) {
                    state.setBack(outcome.back());
                }
                changed = true;
            }
        }
        if (outcome.failure() != null) {
            List<FailedSide> failures = new ArrayList<>(state.getFailures());
            failures.removeIf(f -> f.getRequestId().equals(outcome.requestId()));
            failures.add(outcome.failure());
            state.setFailures(failures);
        }
        Map<String, String> attributes = new HashMap<>(state.getAttributes());
        attributes.putAll(outcome.attributes());
        state.setAttributes(attributes);
        return changed;
    }

    private void assemble(AssemblyState.Builder state, String key, boolean reprocessed, long now, long timestamp) {
        FrontSide front = state.getFront();
        BackSide back = state.getBack();
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), IdentityValidator.CARD_TIME_ZONE);
        CrossSideChecks.Result result = checks.check(front, back, today);
        List<String> flags = new ArrayList<>(result.flags());
        if (state.getRepeatedFront()) {
            flags.add(REPEATED_FRONT);
        }
        if (state.getRepeatedBack()) {
            flags.add(REPEATED_BACK);
        }
        if (state.getCompletedAfterDeadline()) {
            flags.add(COMPLETED_AFTER_DEADLINE);
        }
        boolean sameImage = front.getRequestId().equals(back.getRequestId());
        List<SideWarning> warnings = bySide(front.getWarnings(), back.getWarnings(), sameImage);
        List<SideWarning> notChecked = bySide(front.getWarningsNotChecked(), back.getWarningsNotChecked(), sameImage);
        Set<String> issues = new LinkedHashSet<>(front.getIssues());
        issues.addAll(back.getIssues());
        state.setRevision(state.getRevision() + 1);
        IdentityAssembled assembled = IdentityAssembled.newBuilder()
                .setSubjectId(state.getSubjectId())
                .setApplicationId(state.getApplicationId())
                .setRevision(state.getRevision())
                .setReprocessed(reprocessed)
                .setFrontRequestId(front.getRequestId())
                .setBackRequestId(back.getRequestId())
                .setIdentity(AssembledIdentity.newBuilder()
                        .setName(front.getName())
                        .setSex(sex(front.getSex()))
                        .setNation(front.getNation())
                        .setBirthDate(front.getBirthDate())
                        .setAddress(front.getAddress())
                        .setIdNumber(front.getIdNumber())
                        .setAuthority(back.getAuthority())
                        .setValidFrom(back.getValidFrom())
                        .setValidUntil(back.getValidUntil())
                        .setLongTerm(back.getLongTerm())
                        .build())
                .setChecks(new ConsistencyChecks(result.ageAtIssue(), result.validitySpanFitsAge(),
                        result.expired(), result.daysLeft(), today, result.authorityMatchesRegion()))
                .setFlags(flags)
                .setFlagged(!flags.isEmpty())
                .setWarnings(warnings)
                .setValidationIssues(List.copyOf(issues))
                .setSameImage(sameImage)
                .setFirstSideAt(Instant.ofEpochMilli(state.getFirstSideAt()))
                .setAssembledAt(Instant.ofEpochMilli(now))
                .setAttributes(state.getAttributes())
                .setWarningsNotChecked(notChecked)
                .build();
        state.setStatus(AssemblyStatus.ASSEMBLED);
        keepUntil(state, key, now);
        context.forward(new Record<>(state.getSubjectId(), (Object) assembled, timestamp), ASSEMBLED_SINK);
        metrics.assembled(reprocessed, flags);
        log.debug("Application {} assembled (revision {}, {} flags) from requests {} and {}",
                state.getApplicationId(), state.getRevision(), flags.size(), front.getRequestId(),
                back.getRequestId());
    }

    /** Deadlines and expiries due by now, oldest first; each is looked at against the state it points to. */
    private void fireDueTimers(long now) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> all = timers.all()) {
            while (all.hasNext() && due.size() < MAX_TIMERS_PER_PUNCTUATION) {
                KeyValue<String, String> timer = all.next();
                if (timerTime(timer.key) > now) {
                    break;
                }
                due.add(timer);
            }
        }
        for (KeyValue<String, String> timer : due) {
            timers.delete(timer.key);
            AssemblyState stored = store.get(timer.value);
            if (stored == null) {
                continue;
            }
            AssemblyState.Builder state = AssemblyState.newBuilder(stored);
            char kind = timer.key.charAt(timer.key.indexOf(':') + 1);
            if (kind == DEADLINE && state.getStatus() == AssemblyStatus.OPEN && state.getDeadlineAt() <= now) {
                incomplete(state, timer.value, now);
                store.put(timer.value, state.build());
            } else if (kind == EXPIRY && state.getStatus() != AssemblyStatus.OPEN && state.getExpiresAt() <= now) {
                store.delete(timer.value);
            }
        }
    }

    private void incomplete(AssemblyState.Builder state, String key, long now) {
        List<CardSide> missing = new ArrayList<>();
        List<String> received = new ArrayList<>();
        if (state.getFront() == null) {
            missing.add(CardSide.FRONT);
        } else {
            received.add(state.getFront().getRequestId());
        }
        if (state.getBack() == null) {
            missing.add(CardSide.BACK);
        } else if (!received.contains(state.getBack().getRequestId())) {
            received.add(state.getBack().getRequestId());
        }
        state.setRevision(state.getRevision() + 1);
        IdentityIncomplete incomplete = IdentityIncomplete.newBuilder()
                .setSubjectId(state.getSubjectId())
                .setApplicationId(state.getApplicationId())
                .setRevision(state.getRevision())
                .setMissing(missing)
                .setFailures(state.getFailures().stream()
                        .map(f -> new SideFailure(f.getRequestId(), side(f.getSide()), f.getErrorCode(),
                                f.getRetryable()))
                        .toList())
                .setReceivedRequestIds(received)
                .setFirstSideAt(Instant.ofEpochMilli(state.getFirstSideAt()))
                .setDeadlineAt(Instant.ofEpochMilli(state.getDeadlineAt()))
                .setDecidedAt(Instant.ofEpochMilli(now))
                .setAttributes(state.getAttributes())
                .build();
        state.setStatus(AssemblyStatus.INCOMPLETE);
        keepUntil(state, key, now);
        context.forward(new Record<>(state.getSubjectId(), (Object) incomplete, now), INCOMPLETE_SINK);
        metrics.incomplete();
        log.debug("Application {} incomplete at its deadline: missing {}, {} failures", state.getApplicationId(),
                missing, state.getFailures().size());
    }

    /** A decided application is kept for the retention, so reprocessed sides re-assemble as the next revision. */
    private void keepUntil(AssemblyState.Builder state, String key, long now) {
        state.setExpiresAt(now + settings.retention().toMillis());
        timers.put(timerKey(state.getExpiresAt(), EXPIRY, key), key);
    }

    private static HolderSex sex(String name) {
        try {
            return HolderSex.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return HolderSex.UNKNOWN;
        }
    }

    private static CardSide side(String name) {
        if (name == null) {
            return null;
        }
        try {
            return CardSide.valueOf(name);
        } catch (IllegalArgumentException e) {
            return CardSide.UNKNOWN;
        }
    }

    /** The store key: the subject's length first, so no pair of ids can spell another pair's key. */
    static String key(String subjectId, String applicationId) {
        return subjectId.length() + ":" + subjectId + ":" + applicationId;
    }

    /** Timer keys sort by time as strings: 19 zero-padded digits, then the kind and the application's key. */
    static String timerKey(long at, char kind, String key) {
        return String.format("%019d:%c:%s", Math.max(0, at), kind, key);
    }

    private static long timerTime(String timerKey) {
        return Long.parseLong(timerKey.substring(0, timerKey.indexOf(':')));
    }

    /** Both sides' warnings, each with its side; one image's are listed once, under the front. */
    private static List<SideWarning> bySide(List<KeptWarning> front, List<KeptWarning> back, boolean sameImage) {
        List<SideWarning> warnings = new ArrayList<>();
        front.forEach(w -> warnings.add(new SideWarning(CardSide.FRONT, w.getCode(), w.getKind())));
        if (!sameImage) {
            back.forEach(w -> warnings.add(new SideWarning(CardSide.BACK, w.getCode(), w.getKind())));
        }
        return warnings;
    }
}
