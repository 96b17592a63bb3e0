package org.defenderconnector.emulator.data;

import java.util.List;

/**
 * A kind of alert a detector raises: its texts and classification, and which evidence it carries.
 *
 * @param source               the product that raises it
 * @param title                alert title
 * @param description          alert description
 * @param category             MITRE-style category (Execution, DefenseEvasion, ...)
 * @param detectionSource      MDE/XDR name of the detection source (WindowsDefenderAtp, WindowsDefenderAv, ...)
 * @param graphDetectionSource Graph alerts_v2 name of the detection source (antivirus, ...)
 * @param mitreTechniques      MITRE technique ids
 * @param threatFamily         threat family name for malware detections, else null
 * @param evidence             evidence kinds, in order
 * @param recommendedActions   Graph's recommendedActions text
 */
public record AlertTemplate(ServiceSource source, String title, String description, String category,
                            String detectionSource, String graphDetectionSource, List<String> mitreTechniques,
                            String threatFamily, List<EvidenceKind> evidence, String recommendedActions) {
}
