package org.persistenceexplorer.service.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.persistenceexplorer.domain.statement.CapturedStatement;
import org.persistenceexplorer.domain.statement.StatementKind;

/**
 * What a lesson expects to see in the statement log: statements of a kind, under an action,
 * whose text contains (or lacks) some words, that failed with an SQLState; and how many. A
 * lesson's claim ("1 + N SELECTs", "one UPDATE naming only the changed column") is a list of
 * these, checked against the statements a step caused. Immutable; any thread.
 *
 * @param action  the action label starts with this (case-insensitive); null: any action
 * @param kind    the statement kind; null: any
 * @param text    the statement's text contains this (case-insensitive); null: anything
 * @param lacks   the statement's text does not contain this (case-insensitive); null: no condition
 * @param error   "none": it succeeded; "any": it failed; otherwise the error contains this (e.g. an SQLState)
 * @param count   exactly this many match; null: see atLeast / atMost
 * @param atLeast at least this many (default 1 when neither count nor atMost is given)
 * @param atMost  at most this many
 */
public record StatementPattern(String action, StatementKind kind, String text, String lacks, String error,
                               Integer count, Integer atLeast, Integer atMost) {

    /** Does one statement fit (everything but the count)? */
    public boolean matches(CapturedStatement s) {
        if (action != null && (s.action() == null || !lower(s.action()).startsWith(lower(action)))) {
            return false;
        }
        if (kind != null && s.kind() != kind) {
            return false;
        }
        if (text != null && !lower(s.text()).contains(lower(text))) {
            return false;
        }
        if (lacks != null && lower(s.text()).contains(lower(lacks))) {
            return false;
        }
        if (error == null) {
            return true;
        }
        return switch (lower(error)) {
            case "none" -> s.succeeded();
            case "any" -> !s.succeeded();
            default -> !s.succeeded() && lower(s.error()).contains(lower(error));
        };
    }

    /** How many of these statements fit. */
    public long countIn(List<CapturedStatement> statements) {
        return statements.stream().filter(this::matches).count();
    }

    /** Empty when the statements hold the claim, else what was expected and what was seen, in words. */
    public Optional<String> check(List<CapturedStatement> statements) {
        long seen = countIn(statements);
        boolean holds = count != null ? seen == count
                : (atLeast == null || seen >= atLeast) && (atMost == null || seen <= atMost) && (atLeast != null || atMost != null || seen >= 1);
        return holds ? Optional.empty() : Optional.of("expected " + describe() + ", saw " + seen);
    }

    /** "11 SELECT under 'lab: run' containing 'join'", for callouts and failures. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(count != null ? String.valueOf(count)
                : atLeast != null && atMost != null ? atLeast + " to " + atMost
                : atLeast != null ? "at least " + atLeast : atMost != null ? "at most " + atMost : "at least 1");
        parts.add(kind == null ? "statement(s)" : kind.label());
        if (action != null) {
            parts.add("under '" + action + "'");
        }
        if (text != null) {
            parts.add("containing '" + text + "'");
        }
        if (lacks != null) {
            parts.add("without '" + lacks + "'");
        }
        if (error != null) {
            parts.add(switch (lower(error)) {
                case "none" -> "that succeeded";
                case "any" -> "that failed";
                default -> "failing with " + error;
            });
        }
        return String.join(" ", parts);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
