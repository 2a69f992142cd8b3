package io.interdict.domain.share;

import static io.interdict.domain.common.Guards.isBlank;
import static io.interdict.domain.common.Guards.requireIds;
import static io.interdict.domain.common.Guards.requirePresent;

import io.interdict.domain.common.DomainRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a share's content must satisfy on its own, whatever the history (PRODUCT.md §2), and the one
 * normal form it is recorded in: absent lists become empty, the audience is sorted. Public so that
 * the gateway can check a batch's items before it sends them together; the aggregate checks again.
 */
public final class ShareContentRules {

    static final int MIN_CONFIDENCE = 0;
    static final int MAX_CONFIDENCE = 100;

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ShareContentRules() {}

    /** Validates the content and returns it in normal form; {@code now} bounds the expiry. */
    public static ShareContent validated(ShareContent content, Instant now) {
        requirePresent(content, "the share content");
        requirePresent(content.kind(), "a record kind");
        requirePresent(content.marking(), "a TLP marking");
        requireIds(content.audience(), "the audience");
        requireSubject(content.subject());
        requireConfidence(content.confidence());
        List<String> indicators = content.indicators() == null ? List.of() : content.indicators();
        for (String indicator : indicators) {
            if (isBlank(indicator)) {
                throw DomainRuleViolation.invalidInput("expected every indicator to be text; found a blank one");
            }
        }
        List<Evidence> evidence = content.evidence() == null ? List.of() : content.evidence();
        evidence.forEach(ShareContentRules::requireDigest);
        if (content.expiresAt() != null && !content.expiresAt().isAfter(now)) {
            throw DomainRuleViolation.invalidInput(
                    "expected expiresAt after now (" + now + "); found " + content.expiresAt());
        }
        return new ShareContent(
                content.kind(),
                content.marking(),
                sortedAudience(content.audience()),
                content.subject(),
                List.copyOf(indicators),
                content.confidence(),
                List.copyOf(evidence),
                content.expiresAt());
    }

    /** The audience in one deterministic order, so its JSON form is stable for signing. */
    static Set<String> sortedAudience(Set<String> audience) {
        return audience == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(audience));
    }

    static Set<String> union(Set<String> audience, Set<String> more) {
        TreeSet<String> all = new TreeSet<>(audience);
        all.addAll(more);
        return Collections.unmodifiableSortedSet(all);
    }

    /** Recipients in {@code previous} missing from {@code next}, in sorted order. */
    static List<String> dropped(Set<String> previous, Set<String> next) {
        List<String> missing = new ArrayList<>(new TreeSet<>(previous));
        missing.removeAll(next);
        return missing;
    }

    /**
     * A submitter signature is worthless without the exact body it signs (PRODUCT.md §4): both are
     * kept in the event, or neither.
     */
    static void requireSignedBody(String submitterSignature, String submitterKeyId, String submittedBody) {
        boolean signed = submitterSignature != null;
        if (signed != (submittedBody != null) || signed != (submitterKeyId != null)) {
            throw DomainRuleViolation.invalidInput("expected a submitter signature together with its key id and"
                    + " the body it signs, or none of them; found signature "
                    + (signed ? "present" : "absent") + ", key id " + (submitterKeyId != null ? "present" : "absent")
                    + ", body " + (submittedBody != null ? "present" : "absent"));
        }
    }

    private static void requireSubject(ShareSubject subject) {
        requirePresent(subject, "a subject");
        boolean identified = Stream.of(
                        subject.sellerAccount(),
                        subject.productId(),
                        subject.trackingNumber(),
                        subject.containerNumber(),
                        subject.airWaybill(),
                        subject.hsCode(),
                        subject.originCountry(),
                        subject.portOfEntry(),
                        subject.consignee())
                .anyMatch(value -> !isBlank(value));
        if (!identified) {
            throw DomainRuleViolation.invalidInput("expected a subject with at least one identifier (seller account,"
                    + " product id, tracking number, container, air waybill, HS code, origin, port of entry or"
                    + " consignee); found none");
        }
    }

    private static void requireConfidence(int confidence) {
        if (confidence < MIN_CONFIDENCE || confidence > MAX_CONFIDENCE) {
            throw DomainRuleViolation.invalidInput(
                    "expected a confidence from " + MIN_CONFIDENCE + " to " + MAX_CONFIDENCE + "; found " + confidence);
        }
    }

    private static void requireDigest(Evidence evidence) {
        requirePresent(evidence, "every evidence entry");
        if (evidence.sha256() == null || !SHA_256_HEX.matcher(evidence.sha256()).matches()) {
            throw DomainRuleViolation.invalidInput(
                    "expected evidence sha256 as 64 lowercase hex characters; found " + describe(evidence.sha256()));
        }
    }

    private static String describe(String value) {
        return value == null ? "nothing" : "'" + value + "' (" + value.length() + " characters)";
    }
}
