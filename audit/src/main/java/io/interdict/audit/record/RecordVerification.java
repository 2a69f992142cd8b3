package io.interdict.audit.record;

import java.util.List;

/** The outcome of verifying one record: empty {@code failures} means both signatures hold. */
public record RecordVerification(String recordId, List<RecordFailure> failures) {

    public RecordVerification {
        failures = List.copyOf(failures);
    }

    public boolean isValid() {
        return failures.isEmpty();
    }
}
