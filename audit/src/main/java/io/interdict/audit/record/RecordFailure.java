package io.interdict.audit.record;

import io.interdict.audit.jose.JwsFailure;

/** One signature of one record that did not verify, and why. */
public record RecordFailure(String recordId, SignatureRole role, JwsFailure reason, String detail) {

    /** One line for people: {@code <recordId> GATEWAY BAD_SIGNATURE: <detail>}. */
    public String describe() {
        return recordId + " " + role + " " + reason + ": " + detail;
    }
}
