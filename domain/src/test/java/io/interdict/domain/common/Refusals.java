package io.interdict.domain.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for the reason of a refusal, which the gateway turns into an HTTP status. */
public final class Refusals {

    private Refusals() {}

    public static Matcher<DomainRuleViolation> refusedAs(DomainRuleViolation.Reason reason) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainRuleViolation violation) {
                return violation.reason() == reason;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainRuleViolation for " + reason);
            }

            @Override
            protected void describeMismatchSafely(DomainRuleViolation violation, Description mismatch) {
                mismatch.appendText("was refused for " + violation.reason());
            }
        };
    }
}
