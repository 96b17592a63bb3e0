package org.defenderconnector.ocsf.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Locale;

/**
 * The finding lifecycle of alerts, incidents and vulnerabilities decided from one record alone (the
 * mappers have no memory of earlier versions):
 * <ul>
 *   <li>3 Close when the source says the finding is closed (Resolved, Redirected, Fixed);</li>
 *   <li>1 Create when the last update lies within {@link #CREATION_SETTLE} of the creation time — Defender
 *   touches a new alert or incident a few seconds after creating it (evidence, incident correlation), so
 *   strict equality would almost never hold;</li>
 *   <li>2 Update otherwise.</li>
 * </ul>
 * Also the status and verdict enums of the finding classes, so MDE, Graph and XDR records agree.
 */
final class FindingLifecycle {
    static final Duration CREATION_SETTLE = Duration.ofMinutes(1);

    static final int CREATE = 1;
    static final int UPDATE = 2;
    static final int CLOSE = 3;

    private FindingLifecycle() {
    }

    record Activity(int id, String name) {
    }

    static Activity activity(boolean closed, Long createdMillis, Long updatedMillis) {
        if (closed) {
            return new Activity(CLOSE, "Close");
        }
        if (createdMillis == null || updatedMillis == null
                || updatedMillis - createdMillis < CREATION_SETTLE.toMillis()) {
            return new Activity(CREATE, "Create");
        }
        return new Activity(UPDATE, "Update");
    }

    /** Detection Finding status_id (1 New, 2 In Progress, 4 Resolved...) from alert status; true when closed. */
    static boolean putAlertStatus(ObjectNode target, String sourceStatus) {
        if (sourceStatus == null) {
            return false;
        }
        switch (normalized(sourceStatus)) {
            case "new" -> putStatus(target, 1, "New", sourceStatus);
            case "inprogress" -> putStatus(target, 2, "In Progress", sourceStatus);
            case "resolved" -> {
                putStatus(target, 4, "Resolved", sourceStatus);
                return true;
            }
            case "unknown", "unknownfuturevalue" -> putStatus(target, 0, "Unknown", sourceStatus);
            default -> putStatus(target, 99, sourceStatus, sourceStatus);
        }
        return false;
    }

    /**
     * Incident Finding status_id from XDR/Graph incident status: Active → 1 New (open, nobody working it
     * per the status), InProgress → 2, AwaitingAction → 3 On Hold, Resolved → 4, Redirected (merged into
     * another incident) → 5 Closed. True when closed. Absent status is 0 Unknown, since status_id is required.
     */
    static boolean putIncidentStatus(ObjectNode target, String sourceStatus) {
        if (sourceStatus == null) {
            putStatus(target, 0, "Unknown", null);
            return false;
        }
        switch (normalized(sourceStatus)) {
            case "active", "new" -> putStatus(target, 1, "New", sourceStatus);
            case "inprogress" -> putStatus(target, 2, "In Progress", sourceStatus);
            case "awaitingaction" -> putStatus(target, 3, "On Hold", sourceStatus);
            case "resolved" -> {
                putStatus(target, 4, "Resolved", sourceStatus);
                return true;
            }
            case "redirected" -> {
                putStatus(target, 5, "Closed", sourceStatus);
                return true;
            }
            case "unknown", "unknownfuturevalue" -> putStatus(target, 0, "Unknown", sourceStatus);
            default -> putStatus(target, 99, sourceStatus, sourceStatus);
        }
        return false;
    }

    /**
     * verdict_id from the analyst's classification, refined by the determination where OCSF has a closer
     * value (securityTesting → 6 Test, insufficientData → 7 Insufficient Data). Nothing when neither is set.
     * The determination itself has no OCSF attribute and is only peeked, so it stays under unmapped; so does
     * the classification when the determination decided the verdict.
     */
    static void putVerdict(ObjectNode target, EntityFields record, String classificationField, String determinationField) {
        String determination = record.peekText(determinationField);
        String d = determination == null ? "" : normalized(determination);
        if (d.equals("securitytesting")) {
            OcsfNode.putEnum(target, "verdict_id", 6, "verdict", "Test");
            return;
        }
        if (d.equals("insufficientdata")) {
            OcsfNode.putEnum(target, "verdict_id", 7, "verdict", "Insufficient Data");
            return;
        }
        String classification = record.text(classificationField);
        if (classification == null) {
            return;
        }
        switch (normalized(classification)) {
            case "truepositive" -> OcsfNode.putEnum(target, "verdict_id", 2, "verdict", "True Positive");
            case "falsepositive" -> OcsfNode.putEnum(target, "verdict_id", 1, "verdict", "False Positive");
            // "Informational, expected activity": real activity, but expected — benign.
            case "informationalexpectedactivity" -> OcsfNode.putEnum(target, "verdict_id", 5, "verdict", "Benign");
            case "unknown", "unknownfuturevalue" -> OcsfNode.putEnum(target, "verdict_id", 0, "verdict", "Unknown");
            default -> OcsfNode.putEnum(target, "verdict_id", 99, "verdict", classification);
        }
    }

    /**
     * status_id with its caption; for 99 Other the caption is the source's word. When the source's word is
     * not the caption (Active shown as New), it is kept in status_detail.
     */
    static void putStatus(ObjectNode target, int id, String caption, String sourceWord) {
        OcsfNode.putEnum(target, "status_id", id, "status", caption);
        if (id != 99 && sourceWord != null && !normalized(sourceWord).equals(normalized(caption))) {
            target.put("status_detail", sourceWord);
        }
    }

    static String normalized(String word) {
        return word.toLowerCase(Locale.ROOT).replace(" ", "").replace(",", "").replace("_", "");
    }
}
