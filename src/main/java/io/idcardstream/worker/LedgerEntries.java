package io.idcardstream.worker;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.ProviderInfo;
import io.idcardstream.events.state.LedgerEntry;

/** What the idempotency ledger keeps of an outcome, to answer a repeat without a call: no card fields. */
final class LedgerEntries {
    private LedgerEntries() {}

    /** What the ledger keeps of a recognised outcome: no card fields. */
    static LedgerEntry of(IdentityRecognized outcome) {
        ProviderInfo provider = outcome.getProvider();
        return new LedgerEntry(outcome.getRequestId(), true, outcome.getSide().name(), null, null, false,
                outcome.getAttempts(), provider.getProvider(), provider.getEndpoint(), provider.getEngineVersion(),
                provider.getModelVersion(), provider.getProviderRequestId(),
                outcome.getTimings().getCompletedAt().toEpochMilli());
    }

    /** What the ledger keeps of a failed outcome. */
    static LedgerEntry of(IdCardOcrFailed outcome) {
        ProviderInfo provider = outcome.getProvider();
        return new LedgerEntry(outcome.getRequestId(), false, null, outcome.getErrorCode(),
                outcome.getCategory().name(), outcome.getRetryable(), outcome.getAttempts(),
                provider == null ? null : provider.getProvider(), provider == null ? null : provider.getEndpoint(),
                provider == null ? null : provider.getEngineVersion(),
                provider == null ? null : provider.getModelVersion(),
                provider == null ? null : provider.getProviderRequestId(),
                outcome.getTimings().getCompletedAt().toEpochMilli());
    }

    /** The provider that answered the first time, for the repeat's outcome. */
    static ProviderInfo provider(LedgerEntry earlier) {
        return earlier.getProvider() == null ? null : new ProviderInfo(earlier.getProvider(), earlier.getEndpoint(),
                earlier.getEngineVersion(), earlier.getModelVersion(), earlier.getProviderRequestId());
    }
}
