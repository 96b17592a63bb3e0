package org.defenderconnector.emulator.hunting;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code hunting:} section: result limits and the per-tenant CPU quota of advanced hunting.
 *
 * @param rowCap                 rows a query returns at most (documented: 100,000); more are cut off
 * @param maxResultBytes         result size above which the query fails with 400 (documented: 124 MB)
 * @param cpuSecondsPer15Minutes CPU time a tenant's queries may use per 15-minute cycle before 429 (the docs
 *                               give "10 minutes of running time per hour"; default 150 s per quarter hour)
 * @param cpuMillisPerQuery      simulated CPU cost of any query
 * @param cpuMillisPer1000Rows   simulated CPU cost per thousand rows scanned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HuntingSettings(Integer rowCap, Long maxResultBytes, Double cpuSecondsPer15Minutes,
                              Long cpuMillisPerQuery, Long cpuMillisPer1000Rows) {

    public static final int DOCUMENTED_ROW_CAP = 100_000;
    public static final long DOCUMENTED_MAX_RESULT_BYTES = 124L * 1024 * 1024;

    public HuntingSettings {
        rowCap = rowCap == null ? DOCUMENTED_ROW_CAP : rowCap;
        maxResultBytes = maxResultBytes == null ? DOCUMENTED_MAX_RESULT_BYTES : maxResultBytes;
        cpuSecondsPer15Minutes = cpuSecondsPer15Minutes == null ? 150.0 : cpuSecondsPer15Minutes;
        cpuMillisPerQuery = cpuMillisPerQuery == null ? 200L : cpuMillisPerQuery;
        cpuMillisPer1000Rows = cpuMillisPer1000Rows == null ? 20L : cpuMillisPer1000Rows;
    }

    public static HuntingSettings documented() {
        return new HuntingSettings(null, null, null, null, null);
    }

    public List<String> problems(String where) {
        List<String> problems = new ArrayList<>();
        if (rowCap < 1) {
            problems.add(where + ".rowCap must be at least 1");
        }
        if (maxResultBytes < 1) {
            problems.add(where + ".maxResultBytes must be at least 1");
        }
        if (cpuSecondsPer15Minutes <= 0) {
            problems.add(where + ".cpuSecondsPer15Minutes must be positive");
        }
        if (cpuMillisPerQuery < 0 || cpuMillisPer1000Rows < 0) {
            problems.add(where + ": CPU costs must not be negative");
        }
        return problems;
    }
}
