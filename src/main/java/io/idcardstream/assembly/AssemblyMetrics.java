package io.idcardstream.assembly;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Identity assembly's metrics (Prometheus names):
 * <ul>
 *   <li>{@code idcard_identity_assembled_total{reprocessed}}: IdentityAssembled records (every revision);</li>
 *   <li>{@code idcard_identity_incomplete_total}: IdentityIncomplete records;</li>
 *   <li>{@code idcard_identity_flagged_total}: IdentityAssembled records with at least one flag;</li>
 *   <li>{@code idcard_identity_flags_total{flag}}: flags raised, by name;</li>
 *   <li>{@code idcard_identity_skipped_total{reason}}: outcomes assembly leaves alone ({@code no_application_id},
 *       {@code duplicate}, {@code no_card_fields}).</li>
 * </ul>
 * Counted when a record is forwarded: under exactly_once_v2 a transaction aborted by a crash is processed again,
 * so the counters may run slightly ahead of the committed records (the topics are the truth).
 *
 * <p>Threading notes: thread-safe (Micrometer meters are).
 */
public final class AssemblyMetrics {
    private final MeterRegistry registry;
    private final Counter incomplete;
    private final Counter flagged;

    public AssemblyMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.incomplete = Counter.builder("idcard.identity.incomplete")
                .description("Applications that ended with a side missing or failed at their deadline")
                .register(registry);
        this.flagged = Counter.builder("idcard.identity.flagged")
                .description("Assembled identities with at least one consistency flag")
                .register(registry);
    }

    void assembled(boolean reprocessed, java.util.List<String> flags) {
        Counter.builder("idcard.identity.assembled").tag("reprocessed", String.valueOf(reprocessed))
                .description("Assembled identities (every revision)").register(registry).increment();
        if (!flags.isEmpty()) {
            flagged.increment();
        }
        for (String flag : flags) {
            Counter.builder("idcard.identity.flags").tag("flag", flag)
                    .description("Consistency flags raised on assembled identities").register(registry).increment();
        }
    }

    void incomplete() {
        incomplete.increment();
    }

    void skipped(String reason) {
        Counter.builder("idcard.identity.skipped").tag("reason", reason)
                .description("Outcomes identity assembly left alone").register(registry).increment();
    }
}
