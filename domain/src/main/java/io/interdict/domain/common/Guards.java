package io.interdict.domain.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The checks every aggregate applies the same way, so that one message is given for one mistake.
 * Each throws a {@link DomainRuleViolation} saying what was expected and what was found.
 */
public final class Guards {

    private Guards() {}

    /**
     * PRODUCT.md §2: a suspended partner can neither push nor pull, so it can send no command.
     *
     * @return the acting partner's id
     */
    public static String activeActor(Actor actor) {
        if (actor == null || isBlank(actor.partnerId()) || actor.kind() == null) {
            throw DomainRuleViolation.invalidInput("expected an acting partner with an id and a kind; found " + actor);
        }
        if (actor.suspended()) {
            throw DomainRuleViolation.notPermitted(
                    "partner " + actor.partnerId() + " is suspended; expected an active partner");
        }
        return actor.partnerId();
    }

    /** Refuses an actor whose kind is not among {@code allowed}; {@code action} names the command. */
    public static void requireKind(Actor actor, String action, PartnerKind... allowed) {
        if (Arrays.asList(allowed).contains(actor.kind())) {
            return;
        }
        String expected = Arrays.stream(allowed).map(Guards::describe).collect(Collectors.joining(" or "));
        throw DomainRuleViolation.notPermitted(
                "only " + expected + " may " + action + "; found " + actor.partnerId() + ", " + describe(actor.kind()));
    }

    /** A partner kind as prose, with its article: "an investigator", "a border authority". */
    public static String describe(PartnerKind kind) {
        String words = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    public static String requireText(String value, String field) {
        if (isBlank(value)) {
            throw DomainRuleViolation.invalidInput(
                    "expected " + field + " to be given; found " + (value == null ? "nothing" : "a blank value"));
        }
        return value;
    }

    public static <T> T requirePresent(T value, String field) {
        if (value == null) {
            throw DomainRuleViolation.invalidInput("expected " + field + " to be given; found nothing");
        }
        return value;
    }

    /** Refuses a collection holding a null or blank id; {@code field} names it in the message. */
    public static void requireIds(Collection<String> ids, String field) {
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            if (isBlank(id)) {
                throw DomainRuleViolation.invalidInput("expected every entry of " + field
                        + " to be a partner or record id; found " + (id == null ? "null" : "a blank id"));
            }
        }
    }

    /** Refuses a collection that holds the same value twice. */
    public static void requireDistinct(Collection<String> values, String field) {
        if (values == null) {
            return;
        }
        long distinct = values.stream().filter(Objects::nonNull).distinct().count();
        if (distinct != values.size()) {
            throw DomainRuleViolation.invalidInput("expected " + field + " without repeated entries; found " + values);
        }
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
