package org.defenderconnector.app.demo;

import org.defenderconnector.ocsf.OcsfClass;

import java.util.Arrays;

/** "2004 Detection Finding" for a stored class uid, for summaries people read. */
final class OcsfClassNames {
    private OcsfClassNames() {
    }

    static String describe(String classUid) {
        if ("none".equals(classUid)) {
            return "not normalized";
        }
        return Arrays.stream(OcsfClass.values()).filter(c -> String.valueOf(c.uid()).equals(classUid)).findFirst()
                .map(c -> c.uid() + " " + c.caption()).orElse(classUid);
    }
}
