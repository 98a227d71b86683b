package io.idcardstream.app.demo;

import io.idcardstream.events.IdCardOcrFailed;
import io.idcardstream.events.IdentityAssembled;
import io.idcardstream.events.IdentityIncomplete;
import io.idcardstream.events.IdentityRecognized;
import io.idcardstream.events.ValidationReport;
import io.idcardstream.identity.PiiMask;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One line per outcome for people watching the demo. Personal data is masked unless asked for: names, ID
 * numbers and addresses by {@link PiiMask}, birth dates to the year.
 */
public final class OutcomePrinter {
    private final boolean showPii;

    public OutcomePrinter(boolean showPii) {
        this.showPii = showPii;
    }

    public String line(int index, int total, String card, Object outcome) {
        String prefix = "[" + index + "/" + total + "] " + card + ": ";
        if (outcome instanceof IdentityRecognized recognized) {
            return prefix + recognized(recognized);
        }
        IdCardOcrFailed failed = (IdCardOcrFailed) outcome;
        return prefix + "failed " + failed.getErrorCode() + " (" + failed.getCategory() + ", "
                + (failed.getRetryable() ? "retryable" : "terminal") + "): " + failed.getMessage();
    }

    /** One line per identity-assembly outcome: the application, its revision, fields (masked) and flags. */
    public String assemblyLine(Object outcome) {
        if (outcome instanceof IdentityAssembled assembled) {
            var identity = assembled.getIdentity();
            var checks = assembled.getChecks();
            return "[application " + assembled.getApplicationId() + "] assembled (revision " + assembled.getRevision()
                    + (assembled.getSameImage() ? ", one image" : "") + "): name " + mask(identity.getName(),
                            PiiMask::name)
                    + ", id " + mask(identity.getIdNumber(), PiiMask::idNumber)
                    + ", authority " + identity.getAuthority()
                    + ", valid to " + (identity.getLongTerm() ? "long-term" : identity.getValidUntil())
                    + (checks.getDaysLeft() == null ? "" : " (" + checks.getDaysLeft() + " days left)")
                    + "; age at issue " + (checks.getAgeAtIssue() == null ? "?" : checks.getAgeAtIssue())
                    + (assembled.getFlags().isEmpty() ? "; no flags" : "; flags: "
                            + String.join(", ", assembled.getFlags()));
        }
        IdentityIncomplete incomplete = (IdentityIncomplete) outcome;
        return "[application " + incomplete.getApplicationId() + "] incomplete at its deadline: missing "
                + incomplete.getMissing() + (incomplete.getFailures().isEmpty() ? "" : ", failures "
                        + incomplete.getFailures().stream().map(f -> f.getErrorCode()).toList());
    }

    private String recognized(IdentityRecognized outcome) {
        List<String> parts = new ArrayList<>();
        if (outcome.getFront() != null) {
            var front = outcome.getFront();
            parts.add("name " + mask(front.getName(), PiiMask::name));
            parts.add("sex " + front.getSex());
            parts.add("nation " + front.getNation());
            parts.add("birth " + (front.getBirthDate() == null ? "?"
                    : showPii ? front.getBirthDate().toString() : front.getBirthDate().getYear() + "-**-**"));
            parts.add("address " + mask(front.getAddress(), PiiMask::address));
            parts.add("id " + mask(front.getIdNumber(), PiiMask::idNumber));
        }
        if (outcome.getBack() != null) {
            var back = outcome.getBack();
            parts.add("authority " + back.getAuthority());
            parts.add("valid " + back.getValidFrom() + " to " + (back.getLongTerm() ? "long-term" : back.getValidUntil()));
        }
        String warnings = outcome.getWarnings().isEmpty() ? ""
                : ", warnings " + outcome.getWarnings().stream().map(w -> w.getKind() + "(" + w.getCode() + ")").toList();
        return "recognized " + outcome.getSide() + ": " + String.join(", ", parts) + checks(outcome.getValidation())
                + warnings + " [" + outcome.getTimings().getOcrMillis() + " ms]";
    }

    private static String checks(ValidationReport report) {
        if (report.getIssues().isEmpty()) {
            return "; checks ok";
        }
        return "; checks: " + String.join(", ", report.getIssues());
    }

    private String mask(String value, UnaryOperator<String> masker) {
        if (value == null) {
            return "?";
        }
        return showPii ? value : masker.apply(value);
    }
}
